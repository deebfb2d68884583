using System.Globalization;
using System.Text;
using System.Xml;

namespace Mutua.Core.Network;

/// <summary>
/// The network as files for Gephi-like tools: CSV (households or links), GEXF 1.2draft and GraphML.
/// GEXF is written as 1.2draft (namespace http://www.gexf.net/1.2draft), the version both Gephi and networkx read:
/// networkx 2.8 finds no graph in a GEXF 1.3 file. docs/exports.md describes every column.
/// Every household's id is its keyed pseudonym; names and groups appear only for the households
/// whose names the network carries for this viewer (their consent, see NetworkService).
/// </summary>
public static class NetworkExport
{
    public sealed record File(byte[] Content, string ContentType, string FileName);

    public static readonly string[] Formats = ["csv", "gexf", "graphml"];

    /// <summary>The CSV's tables (<c>table=</c>): households (the default) or links.</summary>
    public static readonly string[] Tables = ["households", "links"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] NodeColumns =
        ["id", "label", "group", "in_degree", "out_degree", "reciprocity", "betweenness", "cluster", "isolated", "only_receives", "only_gives", "bridge"];

    // The value of the help is in minor units of the community's currency, as in the JSON; the currency is a column.
    private static readonly string[] LinkColumns = ["source", "target", "months", "confirmed", "reported_by", "value_minor_units", "currency"];

    /// <summary>The file in the format asked for, or null for an unknown format. For CSV, <paramref name="links"/> picks the links table.</summary>
    public static File? Write(HelpNetwork network, string format, bool links = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        var name = $"mutua-network-{network.From}-{network.To}";
        return format switch
        {
            "csv" => new File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(links ? LinksCsv(network) : HouseholdsCsv(network))).ToArray(),
                "text/csv; charset=utf-8", name + (links ? "-links" : "-households") + ".csv"),
            "gexf" => new File(Gexf(network), "application/gexf+xml", name + ".gexf"),
            "graphml" => new File(GraphMl(network), "application/graphml+xml", name + ".graphml"),
            _ => null,
        };
    }

    private static object?[] NodeValues(NetworkHousehold h)
    {
        var m = h.Metrics;
        return [h.Id, h.Label, h.GroupName, m.InDegree, m.OutDegree, m.Reciprocity, m.Betweenness, m.Cluster < 0 ? null : m.Cluster + 1,
            m.Flags.HasFlag(HelpPattern.Isolated), m.Flags.HasFlag(HelpPattern.OnlyReceives), m.Flags.HasFlag(HelpPattern.OnlyGives),
            m.Flags.HasFlag(HelpPattern.Bridge)];
    }

    private static object?[] LinkValues(HelpNetwork n, NetworkLink l) =>
        [n.Households[l.Giver].Id, n.Households[l.Receiver].Id, l.Months, l.Confirmed,
            l.Confirmed ? "both" : l.ReportedByGiver ? "giver" : "receiver", l.Value, n.Currency];

    private static string HouseholdsCsv(HelpNetwork n)
    {
        var sb = new StringBuilder();
        Row(sb, NodeColumns);
        foreach (var h in n.Households) Row(sb, NodeValues(h));
        return sb.ToString();
    }

    private static string LinksCsv(HelpNetwork n)
    {
        var sb = new StringBuilder();
        Row(sb, LinkColumns);
        foreach (var l in n.Links) Row(sb, LinkValues(n, l));
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) sb.Append(',');
            first = false;
            var text = Format(cell);
            // Quote where needed, and defuse spreadsheet formulas in names.
            if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) && cell is string) text = "'" + text;
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0) text = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            sb.Append(text);
        }
        sb.Append("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", Inv),
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    private static XmlWriter Xml(Stream stream) => XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });

    /// <summary>The GEXF namespace the files use: 1.2draft, which networkx (2.x, 3.x) and Gephi (0.8 on) read.</summary>
    public const string GexfNamespace = "http://www.gexf.net/1.2draft";

    private static byte[] Gexf(HelpNetwork n)
    {
        const string ns = GexfNamespace;
        using var stream = new MemoryStream();
        using (var x = Xml(stream))
        {
            x.WriteStartDocument();
            x.WriteStartElement("gexf", ns);
            x.WriteAttributeString("version", "1.2");
            x.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            x.WriteAttributeString("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", GexfNamespace + " " + GexfNamespace + "/gexf.xsd");
            x.WriteStartElement("meta", ns);
            x.WriteElementString("creator", ns, "Mutua");
            x.WriteElementString("description", ns, $"{(n.ShowsNames ? n.CommunityName : "Community")}: who helped whom, {n.From} to {n.To}");
            x.WriteEndElement();
            x.WriteStartElement("graph", ns);
            x.WriteAttributeString("defaultedgetype", "directed");
            x.WriteAttributeString("mode", "static");
            Attributes(x, ns, "node", NodeColumns.Skip(2).ToArray(), ["string", "integer", "integer", "double", "double", "integer", "boolean", "boolean", "boolean", "boolean"]);
            Attributes(x, ns, "edge", LinkColumns.Skip(2).ToArray(), ["integer", "boolean", "string", "long", "string"]);
            x.WriteStartElement("nodes", ns);
            foreach (var h in n.Households)
            {
                var values = NodeValues(h);
                x.WriteStartElement("node", ns);
                x.WriteAttributeString("id", h.Id);
                x.WriteAttributeString("label", h.Label ?? h.Id);
                AttValues(x, ns, values.Skip(2).ToArray());
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteStartElement("edges", ns);
            var id = 0;
            foreach (var l in n.Links)
            {
                var values = LinkValues(n, l);
                x.WriteStartElement("edge", ns);
                x.WriteAttributeString("id", (id++).ToString(Inv));
                x.WriteAttributeString("source", (string)values[0]!);
                x.WriteAttributeString("target", (string)values[1]!);
                x.WriteAttributeString("weight", l.Months.ToString(Inv));
                AttValues(x, ns, values.Skip(2).ToArray());
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Attributes(XmlWriter x, string ns, string kind, string[] names, string[] types)
    {
        x.WriteStartElement("attributes", ns);
        x.WriteAttributeString("class", kind);
        for (var i = 0; i < names.Length; i++)
        {
            x.WriteStartElement("attribute", ns);
            x.WriteAttributeString("id", i.ToString(Inv));
            x.WriteAttributeString("title", names[i]);
            x.WriteAttributeString("type", types[i]);
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void AttValues(XmlWriter x, string ns, object?[] values)
    {
        x.WriteStartElement("attvalues", ns);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            x.WriteStartElement("attvalue", ns);
            x.WriteAttributeString("for", i.ToString(Inv));
            x.WriteAttributeString("value", Format(values[i]));
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static byte[] GraphMl(HelpNetwork n)
    {
        using var stream = new MemoryStream();
        using (var x = Xml(stream))
        {
            const string ns = "http://graphml.graphdrawing.org/xmlns";
            x.WriteStartDocument();
            x.WriteStartElement("graphml", ns);
            var nodeKeys = NodeColumns.Skip(1).ToArray();
            string[] nodeTypes = ["string", "string", "int", "int", "double", "double", "int", "boolean", "boolean", "boolean", "boolean"];
            for (var i = 0; i < nodeKeys.Length; i++) Key(x, ns, "n" + i.ToString(Inv), "node", nodeKeys[i], nodeTypes[i]);
            var linkKeys = LinkColumns.Skip(2).ToArray();
            string[] linkTypes = ["int", "boolean", "string", "long", "string"];
            for (var i = 0; i < linkKeys.Length; i++) Key(x, ns, "e" + i.ToString(Inv), "edge", linkKeys[i], linkTypes[i]);
            Key(x, ns, "weight", "edge", "weight", "double");
            x.WriteStartElement("graph", ns);
            x.WriteAttributeString("id", "help");
            x.WriteAttributeString("edgedefault", "directed");
            foreach (var h in n.Households)
            {
                var values = NodeValues(h);
                x.WriteStartElement("node", ns);
                x.WriteAttributeString("id", h.Id);
                for (var i = 1; i < values.Length; i++) Data(x, ns, "n" + (i - 1).ToString(Inv), values[i]);
                x.WriteEndElement();
            }
            foreach (var l in n.Links)
            {
                var values = LinkValues(n, l);
                x.WriteStartElement("edge", ns);
                x.WriteAttributeString("source", (string)values[0]!);
                x.WriteAttributeString("target", (string)values[1]!);
                for (var i = 2; i < values.Length; i++) Data(x, ns, "e" + (i - 2).ToString(Inv), values[i]);
                Data(x, ns, "weight", (double)l.Months);
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Key(XmlWriter x, string ns, string id, string kind, string name, string type)
    {
        x.WriteStartElement("key", ns);
        x.WriteAttributeString("id", id);
        x.WriteAttributeString("for", kind);
        x.WriteAttributeString("attr.name", name);
        x.WriteAttributeString("attr.type", type);
        x.WriteEndElement();
    }

    private static void Data(XmlWriter x, string ns, string key, object? value)
    {
        if (value is null) return;
        x.WriteStartElement("data", ns);
        x.WriteAttributeString("key", key);
        x.WriteString(Format(value));
        x.WriteEndElement();
    }
}
