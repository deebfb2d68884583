using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mutua.Web.Infrastructure;

/// <summary>A column of a <see cref="PdfSheet"/> table: its heading, its share of the width, and whether it holds figures (right-aligned).</summary>
public sealed record PdfColumn(string Heading, double Width, bool Figures = false);

/// <summary>A row of a <see cref="PdfSheet"/> table; a struck row is a line a later correction took back, as on paper.</summary>
public sealed record PdfRow(IReadOnlyList<string> Cells, bool Struck = false, bool Total = false);

/// <summary>
/// An A4 document written top to bottom, as a page of the notebook is: a title, lines of text, figures (a label and its
/// amount), and tables whose rows wrap and carry their heading over to the next page. Black on white, for a cheap printer
/// and a photocopy; every page ends with its number (<see cref="ToPdf"/>). Text is embedded as Unicode in
/// <see cref="PdfFonts"/>, so it prints and can be searched and copied in any of the five languages.
/// </summary>
public sealed class PdfSheet : IDisposable
{
    private const double Margin = 50;
    private const double FooterSpace = 28;
    private const double CellPadding = 3;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor Muted = XColor.FromArgb(85, 85, 85);

    private readonly PdfDocument document = new();
    private readonly XFont title;
    private readonly XFont heading;
    private readonly XFont body;
    private readonly XFont strong;
    private readonly XFont small;
    private readonly XPen rule = new(XColors.Black, 0.5);
    private readonly XPen strike = new(XColors.Black, 0.7);
    private XGraphics graphics = null!;
    private bool drawing;
    private PdfPage page = null!;
    private double y;

    /// <param name="culture">The person's language: the document says it is in it (screen readers and search read it so).</param>
    public PdfSheet(string documentTitle, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // Before the first font: PDFsharp resolves a font when it is made.
        PdfFonts.Install();
        title = new XFont(PdfFonts.Family, 17, XFontStyleEx.Bold, Unicode);
        heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold, Unicode);
        body = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular, Unicode);
        strong = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold, Unicode);
        small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, Unicode);
        document.Info.Title = documentTitle;
        document.Info.Creator = "Mutua";
        document.Language = culture.Name;
        NewPage();
    }

    private double Left => Margin;
    private double Width => page.Width.Point - 2 * Margin;
    private double Bottom => page.Height.Point - Margin - FooterSpace;

    private void NewPage()
    {
        // One page's graphics open at a time: PDFsharp writes a page's content when its graphics are disposed.
        if (drawing) graphics.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        drawing = true;
        y = Margin;
    }

    private void EndPage()
    {
        if (drawing) graphics.Dispose();
        drawing = false;
    }

    /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left on this one; true when it did.</summary>
    private bool Room(double height)
    {
        if (y + height <= Bottom) return false;
        NewPage();
        return true;
    }

    public void Title(string text)
    {
        foreach (var line in Wrap(text, title, Width)) Write(line, title, XColors.Black);
        y += 2;
    }

    /// <summary>A line under the title or a note: in grey when <paramref name="muted"/>.</summary>
    public void Text(string text, bool muted = false)
    {
        foreach (var line in Wrap(text, body, Width)) Write(line, body, muted ? Muted : XColors.Black);
        y += 3;
    }

    public void Heading(string text)
    {
        // A heading never ends a page alone: it keeps the room for two lines after it.
        Room(heading.GetHeight() + 3 * body.GetHeight());
        y += 8;
        foreach (var line in Wrap(text, heading, Width)) Write(line, heading, XColors.Black);
        y += 3;
    }

    /// <summary>Labels and their figures, two to a line, each in a box as on the page.</summary>
    public void Figures(IReadOnlyList<(string Label, string Value)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        const double gap = 8;
        var boxWidth = (Width - gap) / 2;
        for (var i = 0; i < figures.Count; i += 2)
        {
            var pair = figures.Skip(i).Take(2).ToList();
            var heights = pair.Select(f => BoxHeight(f, boxWidth)).ToList();
            var height = heights.Max();
            Room(height + gap);
            for (var j = 0; j < pair.Count; j++)
            {
                var x = Left + j * (boxWidth + gap);
                graphics.DrawRectangle(rule, x, y, boxWidth, height);
                var top = y + CellPadding + 1;
                foreach (var line in Wrap(pair[j].Label, small, boxWidth - 2 * CellPadding - 4))
                {
                    graphics.DrawString(line, small, new XSolidBrush(Muted), new XRect(x + CellPadding + 2, top, boxWidth, small.GetHeight()), XStringFormats.TopLeft);
                    top += small.GetHeight();
                }
                foreach (var line in Wrap(pair[j].Value, heading, boxWidth - 2 * CellPadding - 4))
                {
                    graphics.DrawString(line, heading, XBrushes.Black, new XRect(x + CellPadding + 2, top, boxWidth, heading.GetHeight()), XStringFormats.TopLeft);
                    top += heading.GetHeight();
                }
            }
            y += height + gap;
        }
    }

    private double BoxHeight((string Label, string Value) f, double width) =>
        2 * CellPadding + 2 + Wrap(f.Label, small, width - 2 * CellPadding - 4).Count * small.GetHeight()
        + Wrap(f.Value, heading, width - 2 * CellPadding - 4).Count * heading.GetHeight();

    /// <summary>A table; its heading row is written again at the top of each page it runs onto.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfRow> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * Width).ToList();
        var header = new PdfRow([.. columns.Select(c => c.Heading)], Total: true);
        // The heading and at least one row stay together.
        Room(RowHeight(header, widths, strong) + RowHeight(rows.Count > 0 ? rows[0] : header, widths, body));
        WriteRow(header, columns, widths, strong, ruleBelow: 1);
        foreach (var row in rows)
        {
            var font = row.Total ? strong : body;
            if (Room(RowHeight(row, widths, font))) WriteRow(header, columns, widths, strong, ruleBelow: 1);
            WriteRow(row, columns, widths, font, ruleBelow: 0.5);
        }
        y += 4;
    }

    private double RowHeight(PdfRow row, List<double> widths, XFont font) =>
        2 * CellPadding + row.Cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * CellPadding).Count).DefaultIfEmpty(1).Max() * font.GetHeight();

    private void WriteRow(PdfRow row, IReadOnlyList<PdfColumn> columns, List<double> widths, XFont font, double ruleBelow)
    {
        var height = RowHeight(row, widths, font);
        var x = Left;
        var brush = row.Struck ? new XSolidBrush(Muted) : XBrushes.Black;
        for (var i = 0; i < columns.Count; i++)
        {
            var text = i < row.Cells.Count ? row.Cells[i] : "";
            var top = y + CellPadding;
            var inner = widths[i] - 2 * CellPadding;
            foreach (var line in Wrap(text, font, inner))
            {
                var box = new XRect(x + CellPadding, top, inner, font.GetHeight());
                graphics.DrawString(line, font, brush, box, columns[i].Figures ? XStringFormats.TopRight : XStringFormats.TopLeft);
                if (row.Struck && line.Length > 0)
                {
                    var w = graphics.MeasureString(line, font).Width;
                    var from = columns[i].Figures ? box.Right - w : box.Left;
                    var middle = top + font.GetHeight() * 0.55;
                    graphics.DrawLine(strike, from, middle, from + w, middle);
                }
                top += font.GetHeight();
            }
            x += widths[i];
        }
        y += height;
        graphics.DrawLine(new XPen(XColors.Black, ruleBelow), Left, y, Left + Width, y);
    }

    private void Write(string line, XFont font, XColor color)
    {
        Room(font.GetHeight());
        graphics.DrawString(line, font, new XSolidBrush(color), new XRect(Left, y, Width, font.GetHeight()), XStringFormats.TopLeft);
        y += font.GetHeight();
    }

    /// <summary>Breaks text into lines that fit the width: at spaces, and inside a word only when the word alone is too wide.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && graphics.MeasureString(line, font).Width > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && graphics.MeasureString(line[..fit], font).Width > width) fit--;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The document, each page ending with <paramref name="footer"/>(its number, the count) in small grey type.</summary>
    public byte[] ToPdf(Func<int, int, string> footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        EndPage();
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var top = p.Height.Point - Margin - small.GetHeight();
            g.DrawLine(new XPen(Muted, 0.5), Margin, top - 4, p.Width.Point - Margin, top - 4);
            g.DrawString(footer(i + 1, count), small, new XSolidBrush(Muted), new XRect(Margin, top, p.Width.Point - 2 * Margin, small.GetHeight()),
                XStringFormats.TopLeft);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        EndPage();
        document.Dispose();
    }
}
