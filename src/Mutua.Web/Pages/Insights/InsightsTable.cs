using System.Globalization;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.CheckIns;
using Mutua.Core.Insights;
using Mutua.Web.Pages.CheckIns;

namespace Mutua.Web.Pages.Insights;

/// <summary>
/// Insights as one flat table, the same for CSV and XLSX: a row a month, suppressed cells spelled
/// "too few to show" in the reader's language, amounts in whole units of the community's currency.
/// </summary>
public static class InsightsTable
{
    public static (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows) Build(CommunityInsights insights, IStringLocalizer<Text> l)
    {
        var tooFew = l["too few to show"].Value;
        var digits = Money.DigitsOf(insights.Currency);
        var scale = (decimal)Math.Pow(10, digits);
        object Count(Cell c) => c.Value is { } v ? v : tooFew;
        object Amount(Cell c) => c.Value is { } v ? v / scale : tooFew;
        var categories = Enum.GetValues<NeedCategory>();
        var columns = new List<string>
        {
            l["Month"], l["Households"], l["Checked in"], l["Participation %"],
            $"{l["Income"]} ({insights.Currency}) {l["lower quartile"]}", $"{l["Income"]} ({insights.Currency}) {l["median"]}", $"{l["Income"]} ({insights.Currency}) {l["upper quartile"]}",
            $"{l["Savings"]} ({insights.Currency}) {l["lower quartile"]}", $"{l["Savings"]} ({insights.Currency}) {l["median"]}", $"{l["Savings"]} ({insights.Currency}) {l["upper quartile"]}",
            l["Gave help %"], l["Received help %"],
        };
        columns.AddRange(categories.Select(c => $"{l["We need"]}: {CheckInNames.Of(c, l)}"));
        columns.AddRange(categories.Select(c => $"{l["We want"]}: {CheckInNames.Of(c, l)}"));
        var rows = insights.Months.Select(m =>
        {
            var row = new List<object?>
            {
                Month.FromPeriod(m.Period).ToString(), Count(m.Households), Count(m.CheckedIn), Count(m.ParticipationPercent),
                Amount(m.Income.Low), Amount(m.Income.Median), Amount(m.Income.High),
                Amount(m.Savings.Low), Amount(m.Savings.Median), Amount(m.Savings.High),
                Count(m.GavePercent), Count(m.ReceivedPercent),
            };
            row.AddRange(m.Needs.Select(Count));
            row.AddRange(m.Wants.Select(Count));
            return row.ToArray();
        }).ToList();
        return (columns, rows);
    }

    public sealed record Export(Stream Content, string ContentType, string FileName);

    /// <summary>The table as a CSV or XLSX file, for the page and the API alike; null for any other format.</summary>
    public static async Task<Export?> ExportAsync(CommunityInsights insights, string format, IStringLocalizer<Text> l)
    {
        var (columns, rows) = Build(insights, l);
        var content = new MemoryStream();
        string contentType;
        switch (format)
        {
            case "csv":
                contentType = "text/csv; charset=utf-8";
                await using (var writer = new StreamWriter(content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                await using (var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var c in columns) csv.WriteField(c);
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
                var sheet = rows.Select(r => (IDictionary<string, object?>)columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
                await MiniExcelLibs.MiniExcel.SaveAsAsync(content, sheet, sheetName: "Insights");
                break;
            default:
                return null;
        }
        content.Position = 0;
        return new Export(content, contentType, $"mutua-insights-{insights.From}-{insights.To}.{format}");
    }
}
