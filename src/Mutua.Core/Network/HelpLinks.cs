using Mutua.Core.CheckIns;

namespace Mutua.Core.Network;

/// <summary>One line of a check-in's help, as the network reads it: who reported it, in which month, which way, with whom.</summary>
public readonly record struct HelpReport(Guid Reporter, int Period, HelpDirection Direction, Guid? Other, long? Value);

/// <summary>
/// "Giver helped receiver" over a window: in how many months (the weight), in which months, whether
/// both sides reported it (confirmed) or only one (and which), and the value reported (per month the
/// larger of the two sides' figures, so a confirmed exchange is not counted twice).
/// </summary>
public sealed record HelpLink(Guid Giver, Guid Receiver, IReadOnlyList<int> Periods, bool ReportedByGiver, bool ReportedByReceiver, long? Value)
{
    public int Months => Periods.Count;
    public bool Confirmed => ReportedByGiver && ReportedByReceiver;
}

/// <summary>Help with people outside the community (free text), counted per household: months with any.</summary>
public readonly record struct OutsideHelp(int MonthsGiven, int MonthsReceived);

public static class HelpLinks
{
    public static (IReadOnlyList<HelpLink> Links, IReadOnlyDictionary<Guid, OutsideHelp> Outside) Build(IEnumerable<HelpReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var pairs = new Dictionary<(Guid Giver, Guid Receiver), Pair>();
        var outside = new Dictionary<Guid, (HashSet<int> Given, HashSet<int> Received)>();
        foreach (var r in reports)
        {
            if (r.Other is not { } other)
            {
                if (!outside.TryGetValue(r.Reporter, out var o)) outside[r.Reporter] = o = ([], []);
                (r.Direction == HelpDirection.Given ? o.Given : o.Received).Add(r.Period);
                continue;
            }
            if (other == r.Reporter) continue;
            var byGiver = r.Direction == HelpDirection.Given;
            var key = byGiver ? (r.Reporter, other) : (other, r.Reporter);
            if (!pairs.TryGetValue(key, out var pair)) pairs[key] = pair = new Pair();
            if (byGiver) pair.ByGiver = true; else pair.ByReceiver = true;
            var values = byGiver ? pair.GiverValues : pair.ReceiverValues;
            values.TryAdd(r.Period, null);
            if (r.Value is { } v) values[r.Period] = (values[r.Period] ?? 0) + v;
        }
        var links = pairs
            .OrderBy(p => p.Key.Giver).ThenBy(p => p.Key.Receiver)
            .Select(p =>
            {
                var periods = p.Value.GiverValues.Keys.Union(p.Value.ReceiverValues.Keys).Order().ToList();
                long? value = null;
                foreach (var period in periods)
                {
                    var a = p.Value.GiverValues.GetValueOrDefault(period);
                    var b = p.Value.ReceiverValues.GetValueOrDefault(period);
                    if (a is null && b is null) continue;
                    value = (value ?? 0) + Math.Max(a ?? 0, b ?? 0);
                }
                return new HelpLink(p.Key.Giver, p.Key.Receiver, periods, p.Value.ByGiver, p.Value.ByReceiver, value);
            })
            .ToList();
        return (links, outside.ToDictionary(o => o.Key, o => new OutsideHelp(o.Value.Given.Count, o.Value.Received.Count)));
    }

    private sealed class Pair
    {
        public bool ByGiver;
        public bool ByReceiver;
        public readonly Dictionary<int, long?> GiverValues = [];
        public readonly Dictionary<int, long?> ReceiverValues = [];
    }
}
