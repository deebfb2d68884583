using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Mutua.Core.Network;

namespace Mutua.Web.Charts;

/// <summary>
/// The help network drawn on the server as SVG: households as dots coloured by cluster and sized by
/// betweenness (connectors are bigger), arrows from the household that helped to the one helped,
/// dashed when only one side reported it. The layout is deterministic, so the same data always
/// gives the same picture. Names (hover titles, and labels on small maps) only for the households
/// whose names the network carries for this viewer. Households without any link sit in a row underneath.
/// </summary>
public static class NetworkMap
{
    // Okabe–Ito, as the charts: told apart with the common colour-vision deficiencies.
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
    public const string NoCluster = "#9aa5a8";

    private const int Size = 1000, Margin = 40;
    private const int LabelsUpTo = 60, ArrowsUpTo = 600;

    public static string ColourOf(int cluster) => cluster < 0 ? NoCluster : Palette[cluster % Palette.Length];

    public static HtmlString Draw(HelpNetwork network, string title, string unlinkedCaption)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.Households.Count;
        var graph = HelpGraph.FromArrays(n, network.Links.Select(l => l.Giver).ToArray(), network.Links.Select(l => l.Receiver).ToArray(),
            network.Links.Select(l => (double)l.Months).ToArray());
        var clusters = network.Households.Select(h => h.Metrics.Cluster).ToArray();
        var (x, y) = ForceLayout.Compute(graph, clusters);

        var unlinked = Enumerable.Range(0, n).Where(i => double.IsNaN(x[i])).ToList();
        var labels = network.ShowsNames && n <= LabelsUpTo;
        var cellWidth = labels ? 300 : 28;
        var perRow = Math.Max(1, (Size - 2 * Margin) / cellWidth);
        var rows = (unlinked.Count + perRow - 1) / perRow;
        var height = Size + (rows > 0 ? 40 + rows * 34 : 0);
        var baseRadius = Math.Clamp(260 / Math.Sqrt(Math.Max(n, 1)), 2.5, 9);
        var maxBetween = network.Households.Select(h => h.Metrics.Betweenness).DefaultIfEmpty(0).Max();
        var px = new double[n];
        var py = new double[n];
        var r = new double[n];
        for (var i = 0; i < n; i++)
        {
            var b = maxBetween > 0 ? Math.Sqrt(network.Households[i].Metrics.Betweenness / maxBetween) : 0;
            r[i] = baseRadius * (1 + 1.6 * b);
        }
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(x[i])) continue;
            px[i] = Margin + x[i] * (Size - 2 * Margin);
            py[i] = Margin + y[i] * (Size - 2 * Margin);
        }
        for (var k = 0; k < unlinked.Count; k++)
        {
            px[unlinked[k]] = Margin + 14 + k % perRow * cellWidth;
            py[unlinked[k]] = Size + 44 + k / perRow * 34;
        }

        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder(256 + n * 90 + network.Links.Count * 40);
        svg.Append(c, $"<svg class=\"network-map\" viewBox=\"0 0 {Size} {height}\" role=\"img\" aria-labelledby=\"network-title\">");
        svg.Append(c, $"<title id=\"network-title\">{Enc(title)}</title>");
        var arrows = network.Links.Count <= ArrowsUpTo;
        if (arrows)
        {
            svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">" +
                "<path d=\"M0 0L10 5L0 10z\" fill=\"#6b7a80\"/></marker></defs>");
            foreach (var l in network.Links)
            {
                var (x1, y1, x2, y2) = Shorten(px[l.Giver], py[l.Giver], px[l.Receiver], py[l.Receiver], r[l.Giver], r[l.Receiver] + 1.5,
                    graph.HasLink(l.Receiver, l.Giver));
                svg.Append(c, $"<path class=\"{(l.Confirmed ? "l" : "l o")}\" d=\"M{x1:F0} {y1:F0}L{x2:F0} {y2:F0}\"/>");
            }
        }
        else
        {
            // Thousands of links: two paths (confirmed, one-sided), no arrowheads, whole-unit coordinates.
            foreach (var confirmed in new[] { true, false })
            {
                svg.Append(c, $"<path class=\"{(confirmed ? "l" : "l o")} many\" d=\"");
                foreach (var l in network.Links.Where(l => l.Confirmed == confirmed))
                {
                    svg.Append(c, $"M{px[l.Giver]:F0} {py[l.Giver]:F0}L{px[l.Receiver]:F0} {py[l.Receiver]:F0}");
                }
                svg.Append("\"/>");
            }
        }
        if (unlinked.Count > 0)
        {
            svg.Append(c, $"<text x=\"{Margin}\" y=\"{Size + 16}\" class=\"caption\">{Enc(unlinkedCaption)}</text>");
        }
        for (var i = 0; i < n; i++)
        {
            var h = network.Households[i];
            var fill = ColourOf(h.Metrics.Cluster);
            if (network.ShowsNames && h.Label is not null)
            {
                svg.Append(c, $"<circle cx=\"{px[i]:F0}\" cy=\"{py[i]:F0}\" r=\"{r[i]:F1}\" fill=\"{fill}\"><title>{Enc(h.Label)}</title></circle>");
            }
            else
            {
                svg.Append(c, $"<circle cx=\"{px[i]:F0}\" cy=\"{py[i]:F0}\" r=\"{r[i]:F1}\" fill=\"{fill}\"/>");
            }
        }
        if (labels)
        {
            // Names where they do not cover another name: biggest connectors first, each tries above, below, right, left.
            var placed = new List<(double X1, double Y1, double X2, double Y2)>();
            foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => r[i]).ThenBy(i => i))
            {
                var h = network.Households[i];
                if (h.Label is null) continue;
                if (double.IsNaN(x[i]))
                {
                    // In the row of households without links: the name to the right of the dot.
                    svg.Append(c, $"<text x=\"{px[i] + r[i] + 8:F0}\" y=\"{py[i] + 7:F0}\" class=\"name start\">{Enc(h.Label)}</text>");
                    continue;
                }
                // About 13 units a letter at this size; names stay inside the drawing.
                var width = h.Label.Length * 13.0;
                (double X, double Y) Box(int option) => option switch
                {
                    0 => (px[i], py[i] - r[i] - 6),
                    1 => (px[i], py[i] + r[i] + 22),
                    2 => (px[i] + r[i] + 6 + width / 2, py[i] + 7),
                    _ => (px[i] - r[i] - 6 - width / 2, py[i] + 7),
                };
                (double, double, double, double) Bounds((double X, double Y) at)
                {
                    var lx = Math.Clamp(at.X, width / 2 + 4, Size - width / 2 - 4);
                    var ly = Math.Clamp(at.Y, 22, Size - 4);
                    return (lx - width / 2, ly - 20, lx + width / 2, ly + 4);
                }
                var chosen = Bounds(Box(0));
                for (var option = 0; option < 4; option++)
                {
                    var b = Bounds(Box(option));
                    if (placed.All(p => b.Item3 < p.X1 || b.Item1 > p.X2 || b.Item4 < p.Y1 || b.Item2 > p.Y2)) { chosen = b; break; }
                }
                placed.Add(chosen);
                svg.Append(c, $"<text x=\"{(chosen.Item1 + chosen.Item3) / 2:F0}\" y=\"{chosen.Item4 - 4:F0}\" class=\"name\">{Enc(h.Label)}</text>");
            }
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The segment between two circles' edges; a pair helping both ways gets two parallel arrows, not one on top of the other.</summary>
    private static (double, double, double, double) Shorten(double x1, double y1, double x2, double y2, double r1, double r2, bool mutual)
    {
        var dx = x2 - x1;
        var dy = y2 - y1;
        var d = Math.Sqrt(dx * dx + dy * dy);
        if (d < 1e-6) return (x1, y1, x2, y2);
        var ux = dx / d;
        var uy = dy / d;
        var ox = mutual ? -uy * 4 : 0;
        var oy = mutual ? ux * 4 : 0;
        return (x1 + ux * r1 + ox, y1 + uy * r1 + oy, x2 - ux * r2 + ox, y2 - uy * r2 + oy);
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
