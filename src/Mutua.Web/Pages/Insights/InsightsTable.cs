using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Pages.CheckIns;

namespace Mutua.Web.Pages.Insights;

/// <summary>
/// Insights as one flat table, the same for CSV and XLSX, and the same in every language but for its header
/// (docs/exports.md): a row a month; numeric columns hold a number or nothing; a cell the disclosure rules hold
/// back is empty and its column's key is listed in <c>suppressed</c>, with why in <c>suppressed_reason</c>
/// (<see cref="TooFew"/> or <see cref="NotPublished"/>). Amounts are in major units of the community's
/// currency (dollars, not the JSON's cents), which the <c>currency</c> column names. The header is translated,
/// or the stable keys with <c>headers=keys</c>.
/// </summary>
public static class InsightsTable
{
    /// <summary>Why a published month's cells are empty: the disclosure rules held them back (docs/privacy.md).</summary>
    public const string TooFew = "too_few";

    /// <summary>Why all of a month's figures are empty: it is still open, or not settled yet, so not published.</summary>
    public const string NotPublished = "not_published";

    /// <summary>The <c>headers=</c> choices: translated labels (the default) or the stable keys.</summary>
    public static readonly string[] HeaderChoices = ["labels", "keys"];

    public sealed record Column(string Key, string Label, bool Numeric);

    public static (IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows) Build(CommunityInsights insights, IStringLocalizer<Text> l)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var scale = (decimal)Money.MinorPerUnit(insights.Currency);
        var currency = insights.Currency;
        var categories = Enum.GetValues<NeedCategory>();
        // Each numeric column: its key, its label, and where a month keeps its cell.
        var numbers = new List<(string Key, string Label, Func<MonthInsights, Cell> Cell, bool Money)>
        {
            ("households", l["Households"], m => m.Households, false),
            ("checked_in", l["Checked in"], m => m.CheckedIn, false),
            ("participation_pct", l["Participation %"], m => m.ParticipationPercent, false),
            ("income_low_major_units", $"{l["Income"]} ({currency}) {l["lower quartile"]}", m => m.Income.Low, true),
            ("income_median_major_units", $"{l["Income"]} ({currency}) {l["median"]}", m => m.Income.Median, true),
            ("income_high_major_units", $"{l["Income"]} ({currency}) {l["upper quartile"]}", m => m.Income.High, true),
            ("savings_low_major_units", $"{l["Savings"]} ({currency}) {l["lower quartile"]}", m => m.Savings.Low, true),
            ("savings_median_major_units", $"{l["Savings"]} ({currency}) {l["median"]}", m => m.Savings.Median, true),
            ("savings_high_major_units", $"{l["Savings"]} ({currency}) {l["upper quartile"]}", m => m.Savings.High, true),
            ("gave_help_pct", l["Gave help %"], m => m.GavePercent, false),
            ("received_help_pct", l["Received help %"], m => m.ReceivedPercent, false),
        };
        numbers.AddRange(categories.Select(c => ("need_" + Key(c), $"{l["We need"]}: {CheckInNames.Of(c, l)}", (Func<MonthInsights, Cell>)(m => CellOf(m.Needs, c)), false)));
        numbers.AddRange(categories.Select(c => ("want_" + Key(c), $"{l["We want"]}: {CheckInNames.Of(c, l)}", (Func<MonthInsights, Cell>)(m => CellOf(m.Wants, c)), false)));

        var columns = new List<Column> { new("month", l["Month"], false), new("currency", l["Currency"], false) };
        columns.AddRange(numbers.Select(n => new Column(n.Key, n.Label, true)));
        columns.Add(new("suppressed", l["Held back (columns)"], false));
        columns.Add(new("suppressed_reason", l["Why held back"], false));

        var rows = insights.Months.Select(m =>
        {
            var row = new List<object?> { Month.FromPeriod(m.Period).ToString(), currency };
            var held = new List<string>();
            foreach (var n in numbers)
            {
                // Only the published value itself: a held-back cell is empty, and only its key says so.
                var cell = n.Cell(m);
                if (cell.Suppressed) held.Add(n.Key);
                row.Add(cell.Value is not { } value ? null : n.Money ? value / scale : (object)value);
            }
            row.Add(held.Count == 0 ? null : string.Join(' ', held));
            row.Add(held.Count == 0 ? null : m.Published ? TooFew : NotPublished);
            return row.ToArray();
        }).ToList();
        return (columns, rows);
    }

    /// <summary>A category's stable key: its name in snake case (ToolsOrEquipment → tools_or_equipment).</summary>
    private static string Key(NeedCategory category) =>
        string.Concat(category.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public sealed record Export(Stream Content, string ContentType, string FileName);

    /// <summary>
    /// The table as a CSV or XLSX file, for the page and the API alike; null for any other format.
    /// <paramref name="keys"/>: the header row is the stable keys instead of the reader's language.
    /// </summary>
    public static async Task<Export?> ExportAsync(CommunityInsights insights, string format, IStringLocalizer<Text> l, bool keys = false)
    {
        var (columns, rows) = Build(insights, l);
        var header = columns.Select(c => keys ? c.Key : c.Label).ToList();
        var content = new MemoryStream();
        string contentType;
        switch (format)
        {
            case "csv":
                contentType = "text/csv; charset=utf-8";
                await using (var writer = new StreamWriter(content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                await using (var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var c in header) csv.WriteField(c);
                    await csv.NextRecordAsync();
                    foreach (var row in rows)
                    {
                        foreach (var cell in row) csv.WriteField(cell);
                        await csv.NextRecordAsync();
                    }
                }
                break;
            case "xlsx":
                contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                var sheet = rows.Select(r => (IDictionary<string, object?>)header.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
                await MiniExcelLibs.MiniExcel.SaveAsAsync(content, sheet, sheetName: "Insights");
                AddNormalStyle(content);
                break;
            default:
                return null;
        }
        content.Position = 0;
        return new Export(content, contentType, $"mutua-insights-{insights.From}-{insights.To}.{format}");
    }

    /// <summary>
    /// MiniExcel's styles part has cell formats but no named cell style: readers then find no default style
    /// (openpyxl warns "Workbook contains no default style") and Excel's "Normal" is missing. This adds the
    /// built-in Normal style on the first cell-style format, as a workbook Excel saves has it.
    /// </summary>
    private static void AddNormalStyle(MemoryStream workbook)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true);
        var entry = zip.GetEntry("xl/styles.xml") ?? throw new InvalidOperationException("MiniExcel wrote no xl/styles.xml.");
        XDocument styles;
        using (var read = entry.Open()) styles = XDocument.Load(read);
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var root = styles.Root!;
        if (root.Element(x + "cellStyles") is not null) return;
        var cellXfs = root.Element(x + "cellXfs") ?? throw new InvalidOperationException("MiniExcel's styles have no cellXfs.");
        cellXfs.AddAfterSelf(new XElement(x + "cellStyles", new XAttribute("count", 1),
            new XElement(x + "cellStyle", new XAttribute("name", "Normal"), new XAttribute("xfId", 0), new XAttribute("builtinId", 0))));
        entry.Delete();
        var replaced = zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest);
        using var write = replaced.Open();
        styles.Save(write, SaveOptions.DisableFormatting);
    }

    /// <summary>A month published before a category existed has no cell for it: held back, as the JSON shows it, not a crash.</summary>
    private static Cell CellOf(IReadOnlyList<Cell> cells, NeedCategory category) => (int)category < cells.Count ? cells[(int)category] : Cell.TooFew;
}
