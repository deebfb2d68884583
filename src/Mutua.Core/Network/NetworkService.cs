using Microsoft.EntityFrameworkCore;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;

namespace Mutua.Core.Network;

/// <summary>
/// A household in the network. <see cref="Id"/> is always its pseudonym ("h-…", keyed with the server's
/// secret: see <see cref="Pseudonyms"/>). <see cref="Label"/> and the group are there only where the
/// household chose to carry its name to this viewer (<see cref="NameOnMap"/>), and <see cref="HouseholdId"/>
/// only then and when the viewer may open the household (its members, the community's coordinators).
/// </summary>
public sealed record NetworkHousehold(string Id, Guid? HouseholdId, string? Label, Guid? GroupId, string? GroupName, NodeMetrics Metrics,
    OutsideHelp Outside);

/// <summary>A link between two households of <see cref="HelpNetwork.Households"/>, by their index there.</summary>
public sealed record NetworkLink(int Giver, int Receiver, int Months, bool Confirmed, bool ReportedByGiver, bool ReportedByReceiver, long? Value);

/// <summary>
/// Who helps whom in a community over a window of months. When fewer than five households belong to
/// it, <see cref="TooFew"/> is set and nothing else is given (DESIGN §6). <see cref="ShowsNames"/>: the
/// viewer is one of the community's people, so households that chose to may be named to them.
/// </summary>
public sealed record HelpNetwork(Guid CommunityId, string CommunityName, string Currency, string From, string To, bool ShowsNames, bool TooFew,
    NetworkSummary? Summary, IReadOnlyList<int> ClusterSizes, IReadOnlyList<NetworkHousehold> Households, IReadOnlyList<NetworkLink> Links);

/// <summary>A household nobody helped in the window, for coordinators to ask peers to reach out.</summary>
public sealed record AttentionHousehold(Guid HouseholdId, string Label, Guid? GroupId, string? GroupName, int? LastHelpedPeriod, int HelpedOthers);

/// <summary>
/// Households nobody helped: those whose names reach this coordinator are listed, the others only
/// counted in <see cref="KeptPrivate"/> ("and 3 more households who keep their names private").
/// </summary>
public sealed record AttentionList(Guid CommunityId, string CommunityName, string From, string To, IReadOnlyList<AttentionHousehold> Households,
    int KeptPrivate);

public sealed record CirclePerson(Guid HouseholdId, string Label, string? GroupName, int MonthsWeHelped, int MonthsTheyHelped, bool Confirmed);

public sealed record CircleMonth(int Period, IReadOnlyList<string> WeHelped, IReadOnlyList<string> HelpedUs, bool HelpFromOutside, bool HelpToOutside);

/// <summary>"My circle": whom a household helped and who helped it, month by month.</summary>
public sealed record HouseholdCircle(Guid HouseholdId, string HouseholdName, Guid CommunityId, string CommunityName, string From, string To,
    IReadOnlyList<CirclePerson> People, IReadOnlyList<CircleMonth> Months);

/// <summary>
/// Builds the help network of a community from its check-ins (help given and received) and its savings groups'
/// loans and social-fund payouts (<see cref="SavingsHelpLink"/>), for pages, the API and exports. The network
/// itself is not stored: it is computed from them each time.
/// </summary>
public sealed class NetworkService(MutuaDbContext db, TimeProvider clock, Pseudonyms pseudonyms)
{
    public const int MaxMonths = 60;
    public const int DefaultMonths = 12;
    public const int MinHouseholds = Disclosure.MinHouseholds;

    public async Task<Outcome<HelpNetwork>> ForCommunityAsync(Viewer viewer, Guid communityId, Month? from, Month? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Name, c.Currency, c.TimeZone }).FirstOrDefaultAsync(ct);
        if (community is null) return Failure.NotFound;
        if (!viewer.InCommunity(communityId)) return Failure.NotFound;
        var window = Window(from, to, community.TimeZone);
        if (window is not { } w) return Failure.InvalidMonth;

        var data = await LoadAsync(communityId, community.TimeZone, w.Start, w.End, ct);
        var names = viewer.CanSeePeopleOf(communityId);
        if (data.Households.Count < MinHouseholds)
            return new HelpNetwork(communityId, community.Name, community.Currency, w.Start.ToString(), w.End.ToString(), names, true, null, [], [], []);

        var index = new Dictionary<Guid, int>();
        for (var i = 0; i < data.Households.Count; i++) index[data.Households[i].Id] = i;
        var links = data.Links.Where(l => index.ContainsKey(l.Giver) && index.ContainsKey(l.Receiver)).ToList();
        var graph = HelpGraph.FromArrays(data.Households.Count, links.Select(l => index[l.Giver]).ToArray(),
            links.Select(l => index[l.Receiver]).ToArray(), links.Select(l => (double)l.Months).ToArray());
        var groupNumber = data.Households.Select(h => h.GroupId).Where(g => g is not null).Distinct().Select((g, i) => (g, i))
            .ToDictionary(p => p.g!.Value, p => p.i);
        var groupOf = data.Households.Select(h => h.GroupId is { } g ? groupNumber[g] : -1).ToArray();
        var metrics = NetworkAnalysis.Compute(graph, groupOf);

        var pseudonym = await pseudonyms.ForAsync(db, ct);
        var households = data.Households.Select((h, i) =>
            {
                var id = pseudonym(communityId, h.Id);
                if (!NameReaches(viewer, communityId, h)) return new NetworkHousehold(id, null, null, null, null, metrics.Nodes[i], data.Outside.GetValueOrDefault(h.Id));
                var opens = viewer.IsMemberOf(h.Id) || viewer.CanManage(communityId);
                return new NetworkHousehold(id, opens ? h.Id : null, h.Label, h.GroupId, h.GroupName, metrics.Nodes[i], data.Outside.GetValueOrDefault(h.Id));
            })
            .ToList();
        var networkLinks = links.Select(l => new NetworkLink(index[l.Giver], index[l.Receiver], l.Months, l.Confirmed, l.ReportedByGiver,
            l.ReportedByReceiver, l.Value)).ToList();
        // Order by pseudonym for everyone, so the order says nothing about who joined when, nor where an unnamed household sits among named ones.
        var order = Enumerable.Range(0, households.Count).OrderBy(i => households[i].Id, StringComparer.Ordinal).ToArray();
        var position = new int[order.Length];
        for (var p = 0; p < order.Length; p++) position[order[p]] = p;
        households = order.Select(i => households[i]).ToList();
        networkLinks = networkLinks.Select(l => l with { Giver = position[l.Giver], Receiver = position[l.Receiver] })
            .OrderBy(l => l.Giver).ThenBy(l => l.Receiver).ToList();
        return new HelpNetwork(communityId, community.Name, community.Currency, w.Start.ToString(), w.End.ToString(), names, false,
            metrics.Summary, metrics.ClusterSizes, households, networkLinks);
    }

    /// <summary>Households nobody helped in the window, longest without help first. Coordinators (and admins) only.</summary>
    public async Task<Outcome<AttentionList>> AttentionAsync(Viewer viewer, Guid communityId, Month? from, Month? to,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Name, c.TimeZone }).FirstOrDefaultAsync(ct);
        if (community is null) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        var window = Window(from, to, community.TimeZone);
        if (window is not { } w) return Failure.InvalidMonth;
        // Look back further than the window to say when each household was last helped.
        var lookBack = w.End;
        for (var i = 1; i < MaxMonths; i++) lookBack = lookBack.Previous;
        var data = await LoadAsync(communityId, community.TimeZone, lookBack, w.End, ct);
        var helped = data.Links.GroupBy(l => l.Receiver).ToDictionary(g => g.Key, g => g.SelectMany(l => l.Periods).Max());
        var gave = data.Links.Where(l => l.Periods.Any(p => p >= w.Start.Period)).GroupBy(l => l.Giver).ToDictionary(g => g.Key, g => g.Count());
        var unhelped = data.Households.Where(h => !helped.TryGetValue(h.Id, out var last) || last < w.Start.Period).ToList();
        var households = unhelped
            .Where(h => NameReaches(viewer, communityId, h))
            .Select(h => new AttentionHousehold(h.Id, h.Label, h.GroupId, h.GroupName, helped.TryGetValue(h.Id, out var last) ? last : null,
                gave.GetValueOrDefault(h.Id)))
            .OrderBy(a => a.LastHelpedPeriod ?? 0).ThenBy(a => a.Label, StringComparer.CurrentCulture)
            .ToList();
        return new AttentionList(communityId, community.Name, w.Start.ToString(), w.End.ToString(), households, unhelped.Count - households.Count);
    }

    /// <summary>Whom a household helped and who helped it, as both sides reported it. Its own members and coordinators.</summary>
    public async Task<Outcome<HouseholdCircle>> CircleAsync(Viewer viewer, Guid householdId, Month? from, Month? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return Failure.NotFound;
        if (!viewer.CanSeeHousehold(household.Id, household.CommunityId)) return viewer.Refusal(household.CommunityId);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == household.CommunityId)
            .Select(c => new { c.Name, c.TimeZone }).FirstAsync(ct);
        var window = Window(from, to, community.TimeZone);
        if (window is not { } w) return Failure.InvalidMonth;
        var data = await LoadAsync(household.CommunityId, community.TimeZone, w.Start, w.End, ct, includeLater: true);
        var byId = data.Households.ToDictionary(h => h.Id);
        var mine = data.Links.Where(l => l.Giver == householdId || l.Receiver == householdId).ToList();
        string LabelOf(Guid id) => byId.TryGetValue(id, out var h) ? h.Label : "?";
        var people = mine.GroupBy(l => l.Giver == householdId ? l.Receiver : l.Giver)
            .Select(g =>
            {
                var we = g.FirstOrDefault(l => l.Giver == householdId);
                var they = g.FirstOrDefault(l => l.Receiver == householdId);
                return new CirclePerson(g.Key, LabelOf(g.Key), byId.GetValueOrDefault(g.Key)?.GroupName, we?.Months ?? 0, they?.Months ?? 0,
                    g.Any(l => l.Confirmed));
            })
            .OrderByDescending(p => p.MonthsWeHelped + p.MonthsTheyHelped).ThenBy(p => p.Label, StringComparer.CurrentCulture).ToList();
        var outside = data.OutsidePeriods.GetValueOrDefault(householdId);
        var months = Month.Range(w.Start, w.End).Reverse().Select(m => new CircleMonth(m.Period,
                mine.Where(l => l.Giver == householdId && l.Periods.Contains(m.Period)).Select(l => LabelOf(l.Receiver)).Order(StringComparer.CurrentCulture).ToList(),
                mine.Where(l => l.Receiver == householdId && l.Periods.Contains(m.Period)).Select(l => LabelOf(l.Giver)).Order(StringComparer.CurrentCulture).ToList(),
                outside.Received?.Contains(m.Period) == true, outside.Given?.Contains(m.Period) == true))
            .ToList();
        return new HouseholdCircle(householdId, household.Name, household.CommunityId, community.Name, w.Start.ToString(), w.End.ToString(), people, months);
    }

    /// <summary>
    /// Whether a household's name (and group) reaches this viewer on the map: always for its own members;
    /// for the community's people as far as it chose: "group" to those living in its group, "community" to
    /// all of them. Sponsors, supporters and other outsiders never see names (DESIGN §1), whatever was chosen.
    /// </summary>
    private static bool NameReaches(Viewer viewer, Guid communityId, HouseholdRow h)
    {
        if (viewer.IsMemberOf(h.Id)) return true;
        if (!viewer.CanSeePeopleOf(communityId)) return false;
        return h.NameOnMap switch
        {
            NameOnMap.Community => true,
            NameOnMap.Group => h.GroupId is { } g && viewer.Households.Any(p => p.CommunityId == communityId && p.GroupId == g),
            _ => false,
        };
    }

    private (Month Start, Month End)? Window(Month? from, Month? to, string timeZone) =>
        Month.Window(from, to, Month.Current(clock.GetUtcNow(), timeZone), DefaultMonths, MaxMonths);

    private sealed record HouseholdRow(Guid Id, string Label, Guid? GroupId, string? GroupName, NameOnMap NameOnMap);

    private sealed record Loaded(List<HouseholdRow> Households, IReadOnlyList<HelpLink> Links, IReadOnlyDictionary<Guid, OutsideHelp> Outside,
        Dictionary<Guid, (HashSet<int>? Given, HashSet<int>? Received)> OutsidePeriods);

    /// <summary>The community's households that existed by the end of the window (ordered by id, so the same data gives the same graph) and their help.</summary>
    private async Task<Loaded> LoadAsync(Guid communityId, string timeZone, Month start, Month end, CancellationToken ct, bool includeLater = false)
    {
        var rows = await db.Households.AsNoTracking().Where(h => h.CommunityId == communityId)
            .Select(h => new { h.Id, h.Name, h.GroupId, GroupName = h.Group != null ? h.Group.Name : null, h.CreatedAt, h.NameOnMap }).ToListAsync(ct);
        var firstNames = (await db.HouseholdMembers.AsNoTracking().Where(m => m.Household!.CommunityId == communityId)
                .Select(m => new { m.HouseholdId, m.Person!.FirstName, m.JoinedAt }).ToListAsync(ct))
            .GroupBy(m => m.HouseholdId)
            .ToDictionary(g => g.Key, g => string.Join(" & ", g.OrderBy(m => m.JoinedAt).Select(m => m.FirstName)));
        var households = rows
            .Where(h => includeLater || Month.Current(h.CreatedAt, timeZone) <= end)
            .OrderBy(h => h.Id)
            .Select(h => new HouseholdRow(h.Id, firstNames.GetValueOrDefault(h.Id) ?? h.Name, h.GroupId, h.GroupName, h.NameOnMap))
            .ToList();
        var reports = await (
                from x in db.HelpExchanges.AsNoTracking()
                join c in db.CheckIns.AsNoTracking() on x.CheckInId equals c.Id
                where c.CommunityId == communityId && c.Period >= start.Period && c.Period <= end.Period
                select new HelpReport(c.HouseholdId, c.Period, x.Direction, x.OtherHouseholdId, x.Value))
            .ToListAsync(ct);
        // A savings group's loans and social-fund payouts: its books are both sides' record, so each is told by giver and receiver.
        var throughSavings = await db.SavingsHelpLinks.AsNoTracking()
            .Where(l => l.CommunityId == communityId && l.Period >= start.Period && l.Period <= end.Period)
            .Select(l => new { l.GiverHouseholdId, l.ReceiverHouseholdId, l.Period }).Distinct().ToListAsync(ct);
        foreach (var l in throughSavings)
        {
            reports.Add(new HelpReport(l.GiverHouseholdId, l.Period, HelpDirection.Given, l.ReceiverHouseholdId, null));
            reports.Add(new HelpReport(l.ReceiverHouseholdId, l.Period, HelpDirection.Received, l.GiverHouseholdId, null));
        }
        var (links, outside) = HelpLinks.Build(reports);
        var outsidePeriods = new Dictionary<Guid, (HashSet<int>? Given, HashSet<int>? Received)>();
        foreach (var r in reports.Where(r => r.Other is null))
        {
            var (given, received) = outsidePeriods.GetValueOrDefault(r.Reporter);
            if (r.Direction == HelpDirection.Given) (given ??= []).Add(r.Period); else (received ??= []).Add(r.Period);
            outsidePeriods[r.Reporter] = (given, received);
        }
        return new Loaded(households, links, outside, outsidePeriods);
    }
}
