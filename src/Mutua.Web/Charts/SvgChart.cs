using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Mutua.Web.Charts;

public sealed record ChartSeries(string Name, IReadOnlyList<long?> Values);

/// <summary>
/// Small charts drawn on the server as SVG: no script, a few kilobytes, readable on a phone.
/// Each page puts the same numbers in a table for screen readers.
/// </summary>
public static class SvgChart
{
    // Okabe–Ito: told apart by people with the common colour-vision deficiencies.
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    // A phone draws the 420 units in about 380 px (412 less the page's margins), so 14-unit text renders at 12.6 px there;
    // site.css caps the drawing at 560 px, so on a desktop the same text stays under 19 px.
    private const int Width = 420, Height = 240, Right = 16, Top = 10, Bottom = 54, FontSize = 14;

    public static IHtmlContent StackedBars(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<long, string> format) =>
        Draw(title, labels, series, format, stacked: true);

    public static IHtmlContent Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<long, string> format) =>
        Draw(title, labels, series, format, stacked: false);

    private static HtmlString Draw(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<long, string> format, bool stacked)
    {
        var n = labels.Count;
        var max = stacked
            ? Enumerable.Range(0, n).Select(i => series.Sum(s => Math.Max(0, s.Values[i] ?? 0))).DefaultIfEmpty(0).Max()
            : series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var top = NiceCeiling(Math.Max(max, 1));
        // Room on the left for the longest axis label ("RF 100.000", "UGX 1,200,000").
        var left = Math.Clamp(10 + 8 * Enumerable.Range(0, 5).Max(g => format(top * g / 4).Length), 40, 140);
        var plotW = Width - left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => left + plotW * (i + 0.5) / Math.Max(n, 1);
        double Y(long v) => Top + plotH - plotH * (double)v / top;
        var c = CultureInfo.InvariantCulture;
        var id = "c" + Math.Abs(title.GetHashCode(StringComparison.Ordinal)).ToString(c);

        var svg = new StringBuilder();
        svg.Append(c, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height + 18 * ((series.Count + 1) / 2)}\" role=\"img\" aria-labelledby=\"{id}\">");
        svg.Append(c, $"<title id=\"{id}\">{Enc(title)}</title>");
        for (var g = 0; g <= 4; g++)
        {
            var v = top * g / 4;
            var y = Y(v);
            svg.Append(c, $"<line x1=\"{left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#d6dedf\"/>");
            svg.Append(c, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\" font-size=\"{FontSize}\" fill=\"#55656c\">{Enc(format(v))}</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(n / 6.0));
        for (var i = 0; i < n; i += every)
        {
            svg.Append(c, $"<text x=\"{X(i):F1}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\" font-size=\"{FontSize}\" fill=\"#55656c\">{Enc(labels[i])}</text>");
        }
        if (stacked)
        {
            var barW = Math.Max(4, plotW / Math.Max(n, 1) * 0.7);
            for (var i = 0; i < n; i++)
            {
                long baseline = 0;
                for (var s = 0; s < series.Count; s++)
                {
                    var v = Math.Max(0, series[s].Values[i] ?? 0);
                    if (v == 0) continue;
                    var y1 = Y(baseline + v);
                    svg.Append(c, $"<rect x=\"{X(i) - barW / 2:F1}\" y=\"{y1:F1}\" width=\"{barW:F1}\" height=\"{Y(baseline) - y1:F1}\" fill=\"{Palette[s % Palette.Length]}\"/>");
                    baseline += v;
                }
            }
        }
        else
        {
            for (var s = 0; s < series.Count; s++)
            {
                var colour = Palette[s % Palette.Length];
                var values = series[s].Values;
                var line = LinePath(Enumerable.Range(0, n).Select(i => values[i] is { } v ? (X(i), Y(v)) : ((double, double)?)null).ToList());
                if (line.Length > 0) svg.Append(c, $"<path fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" d=\"{line}\"/>");
                for (var i = 0; i < n; i++)
                {
                    if (values[i] is { } v) svg.Append(c, $"<circle cx=\"{X(i):F1}\" cy=\"{Y(v):F1}\" r=\"3.5\" fill=\"{colour}\"/>");
                }
            }
        }
        for (var s = 0; s < series.Count; s++)
        {
            var lx = 8 + (s % 2) * ((Width - 16) / 2);
            var ly = Height - 14 + 18 * (s / 2);
            svg.Append(c, $"<rect x=\"{lx}\" y=\"{ly - 11}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>");
            svg.Append(c, $"<text x=\"{lx + 16}\" y=\"{ly}\" font-size=\"{FontSize}\" fill=\"#1d2a2f\">{Enc(series[s].Name)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// The path of a line through the points, broken where a value is missing: each run of neighbouring months starts
    /// with its own move-to, so a month without a check-in (or a figure too few to show) is a gap, never bridged. A
    /// month alone between two gaps is only its dot.
    /// </summary>
    internal static string LinePath(IReadOnlyList<(double X, double Y)?> points)
    {
        var c = CultureInfo.InvariantCulture;
        var d = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is not { } p) continue;
            var startsRun = i == 0 || points[i - 1] is null;
            if (startsRun && (i + 1 >= points.Count || points[i + 1] is null)) continue;
            d.Append(c, $"{(d.Length == 0 ? "" : " ")}{(startsRun ? 'M' : 'L')}{p.X:F1},{p.Y:F1}");
        }
        return d.ToString();
    }

    /// <summary>A round number at or above the largest value, so grid lines fall on readable amounts.</summary>
    internal static long NiceCeiling(long max)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new long[] { 1, 2, 4, 5, 10 })
        {
            if (step * magnitude >= max) return step * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
