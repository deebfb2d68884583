using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Core.Communities;

/// <summary>Communities, groups and households: reading them and arranging them.</summary>
public sealed class CommunityService(MutuaDbContext db, TimeProvider clock)
{
    private static readonly HashSet<string> Countries = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper)).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(c => c.Length == 3 && c.All(char.IsAsciiLetterUpper)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<CommunitySummary>> ListAsync(Viewer viewer, CancellationToken ct = default)
    {
        var ids = viewer.Roles.Select(r => r.CommunityId).Distinct().ToList();
        var query = db.Communities.AsNoTracking();
        if (!viewer.IsAdmin) query = query.Where(c => ids.Contains(c.Id));
        return await Summaries(query.OrderBy(c => c.Name)).ToListAsync(ct);
    }

    public async Task<Outcome<CommunityDetail>> GetAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        var summary = await Summaries(db.Communities.AsNoTracking().Where(c => c.Id == communityId)).FirstOrDefaultAsync(ct);
        // Outside the community the answer is the same as for an id that does not exist.
        if (summary is null || !viewer.InCommunity(communityId)) return Failure.NotFound;
        var groups = await db.Groups.AsNoTracking().Where(g => g.CommunityId == communityId)
            .OrderBy(g => g.Name)
            .Select(g => new GroupSummary(g.Id, g.CommunityId, g.Name, g.Households.Count))
            .ToListAsync(ct);
        var ungrouped = await db.Households.CountAsync(h => h.CommunityId == communityId && h.GroupId == null, ct);
        var coordinators = await db.CommunityRoles.AsNoTracking()
            .Where(r => r.CommunityId == communityId && r.Role == Role.Coordinator)
            .Select(r => r.Person!.FirstName).OrderBy(n => n).ToListAsync(ct);
        var agency = await db.Communities.AsNoTracking().Where(c => c.Id == communityId && c.AgencyName != null)
            .Select(c => new SponsoringAgency(c.AgencyName!, c.AgencyAbout, c.AgencyContact)).FirstOrDefaultAsync(ct);
        return new CommunityDetail(summary, groups, ungrouped, coordinators, agency);
    }

    /// <summary>
    /// The community's coordinators (and admins) say which agency sponsors it. An empty name means none yet, and
    /// clears what it does and whom to contact with it.
    /// </summary>
    public async Task<Outcome<SponsoringAgency?>> SetAgencyAsync(Viewer viewer, Guid communityId, string? name, string? about, string? contact,
        CancellationToken ct = default)
    {
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Id == communityId, ct);
        if (community is null || !viewer.InCommunity(communityId)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return Failure.Forbidden;
        var n = Clean(name);
        var a = Clean(about);
        var k = Clean(contact);
        if (n is null && (a is not null || k is not null)) return Failure.NameRequired;
        if (n?.Length > Community.AgencyNameMaxLength) return Failure.NameTooLong;
        if (a?.Length > Community.AgencyAboutMaxLength || k?.Length > Community.AgencyContactMaxLength) return Failure.TextTooLong;
        community.AgencyName = n;
        community.AgencyAbout = a;
        community.AgencyContact = k;
        await db.SaveChangesAsync(ct);
        return n is null ? (SponsoringAgency?)null : new SponsoringAgency(n, a, k);

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public async Task<Outcome<CommunitySummary>> CreateAsync(Viewer viewer, NewCommunity input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin) return Failure.Forbidden;
        var name = input.Name?.Trim() ?? "";
        var place = input.Place?.Trim() ?? "";
        if (name.Length == 0 || place.Length == 0) return Failure.NameRequired;
        if (name.Length > Community.NameMaxLength || place.Length > Community.PlaceMaxLength) return Failure.NameTooLong;
        var country = input.Country?.Trim().ToUpperInvariant() ?? "";
        if (!Countries.Contains(country)) return Failure.InvalidCountry;
        if (!Languages.IsSupported(input.DefaultLanguage)) return Failure.InvalidLanguage;
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        if (!Currencies.Contains(currency)) return Failure.InvalidCurrency;
        var timeZone = IanaTimeZone(input.TimeZone);
        if (timeZone is null) return Failure.InvalidTimeZone;
        if (await db.Communities.AnyAsync(c => c.Name == name, ct)) return Failure.NameTaken;

        var community = new Community
        {
            Name = name, Place = place, Country = country, DefaultLanguage = input.DefaultLanguage,
            Currency = currency, TimeZone = timeZone, CreatedAt = clock.GetUtcNow(),
        };
        db.Communities.Add(community);
        db.Record(community.CreatedAt, viewer.PersonId, AuditActions.CommunityCreated, community.Id, community.Id, name);
        await db.SaveChangesAsync(ct);
        return new CommunitySummary(community.Id, name, place, country, community.DefaultLanguage, currency, community.TimeZone, 0, 0);
    }

    public async Task<Outcome<GroupSummary>> CreateGroupAsync(Viewer viewer, Guid communityId, string? name, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        var check = CheckName(name, Group.NameMaxLength);
        if (check is not null) return check.Value;
        var trimmed = name!.Trim();
        if (await db.Groups.AnyAsync(g => g.CommunityId == communityId && g.Name == trimmed, ct)) return Failure.NameTaken;
        var group = new Group { CommunityId = communityId, Name = trimmed, CreatedAt = clock.GetUtcNow() };
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return new GroupSummary(group.Id, communityId, group.Name, 0);
    }

    public async Task<Outcome<GroupSummary>> RenameGroupAsync(Viewer viewer, Guid groupId, string? name, CancellationToken ct = default)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Failure.NotFound;
        if (!viewer.CanManage(group.CommunityId)) return viewer.Refusal(group.CommunityId);
        var check = CheckName(name, Group.NameMaxLength);
        if (check is not null) return check.Value;
        var trimmed = name!.Trim();
        if (await db.Groups.AnyAsync(g => g.CommunityId == group.CommunityId && g.Name == trimmed && g.Id != groupId, ct)) return Failure.NameTaken;
        group.Name = trimmed;
        await db.SaveChangesAsync(ct);
        var count = await db.Households.CountAsync(h => h.GroupId == groupId, ct);
        return new GroupSummary(group.Id, group.CommunityId, group.Name, count);
    }

    public async Task<Outcome<IReadOnlyList<GroupSummary>>> ListGroupsAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        var detail = await GetAsync(viewer, communityId, ct);
        return detail.Succeeded ? new Outcome<IReadOnlyList<GroupSummary>>(detail.Value!.Groups, null) : detail.Failure!.Value;
    }

    public async Task<Outcome<GroupDetail>> GetGroupAsync(Viewer viewer, Guid groupId, CancellationToken ct = default)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.CommunityId, CommunityName = g.Community!.Name, g.Name }).FirstOrDefaultAsync(ct);
        if (group is null) return Failure.NotFound;
        if (!viewer.CanSeePeopleOf(group.CommunityId)) return viewer.Refusal(group.CommunityId);
        var households = await HouseholdSummaries(db.Households.Where(h => h.GroupId == groupId), ct);
        return new GroupDetail(group.Id, group.CommunityId, group.CommunityName, group.Name, households);
    }

    /// <summary>
    /// All households of a community with their members' first names: for coordinators arranging
    /// groups. Members see their own group's page; the whole roster is not theirs to list.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<HouseholdSummary>>> ListHouseholdsAsync(Viewer viewer, Guid communityId, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        return new Outcome<IReadOnlyList<HouseholdSummary>>(
            await HouseholdSummaries(db.Households.Where(h => h.CommunityId == communityId), ct), null);
    }

    public async Task<Outcome<HouseholdDetail>> GetHouseholdAsync(Viewer viewer, Guid householdId, CancellationToken ct = default)
    {
        var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new
            {
                x.Id, x.CommunityId, CommunityName = x.Community!.Name, x.GroupId, GroupName = x.Group != null ? x.Group.Name : null, x.Name,
                Members = x.Members.OrderBy(m => m.JoinedAt).Select(m => new MemberName(m.PersonId, m.Person!.FirstName)).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (h is null || !viewer.InCommunity(h.CommunityId)) return Failure.NotFound;
        if (!viewer.IsMemberOf(h.Id) && !viewer.CanManage(h.CommunityId)) return Failure.Forbidden;
        return new HouseholdDetail(h.Id, h.CommunityId, h.CommunityName, h.GroupId, h.GroupName, h.Name, h.Members);
    }

    /// <summary>A coordinator records a household that has no account yet (members join it by invitation).</summary>
    public async Task<Outcome<HouseholdSummary>> CreateHouseholdAsync(Viewer viewer, Guid communityId, string? name, Guid? groupId, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return Failure.NotFound;
        if (!viewer.CanManage(communityId)) return viewer.Refusal(communityId);
        var check = CheckName(name, Household.NameMaxLength);
        if (check is not null) return check.Value;
        if (groupId is not null && !await db.Groups.AnyAsync(g => g.Id == groupId && g.CommunityId == communityId, ct))
            return Failure.GroupNotInCommunity;
        var household = new Household { CommunityId = communityId, GroupId = groupId, Name = name!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        return new HouseholdSummary(household.Id, communityId, groupId, household.Name, []);
    }

    /// <summary>
    /// A household renames itself; a coordinator moves it between groups (null: no group).
    /// Each may only do their own part.
    /// </summary>
    public async Task<Outcome<HouseholdDetail>> UpdateHouseholdAsync(Viewer viewer, Guid householdId, string? newName,
        bool moveGroup, Guid? groupId, CancellationToken ct = default)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return Failure.NotFound;
        if (!viewer.CanSeeHousehold(household.Id, household.CommunityId)) return viewer.Refusal(household.CommunityId);
        if (newName is not null)
        {
            if (!viewer.IsMemberOf(householdId)) return Failure.Forbidden;
            var check = CheckName(newName, Household.NameMaxLength);
            if (check is not null) return check.Value;
            household.Name = newName.Trim();
        }
        if (moveGroup && groupId != household.GroupId)
        {
            if (!viewer.CanManage(household.CommunityId)) return Failure.Forbidden;
            if (groupId is not null && !await db.Groups.AnyAsync(g => g.Id == groupId && g.CommunityId == household.CommunityId, ct))
                return Failure.GroupNotInCommunity;
            db.Record(clock.GetUtcNow(), viewer.PersonId, AuditActions.HouseholdMoved, household.CommunityId, household.Id,
                $"{household.GroupId} -> {groupId}");
            household.GroupId = groupId;
        }
        await db.SaveChangesAsync(ct);
        return await GetHouseholdAsync(viewer, householdId, ct);
    }

    /// <summary>Communities keep IANA ids ("Africa/Kigali"); a Windows name is translated, anything else refused.</summary>
    private static string? IanaTimeZone(string? typed)
    {
        var id = typed?.Trim() ?? "";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return null;
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    private static Failure? CheckName(string? name, int max)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return Failure.NameRequired;
        if (trimmed.Length > max) return Failure.NameTooLong;
        return null;
    }

    private async Task<IReadOnlyList<HouseholdSummary>> HouseholdSummaries(IQueryable<Household> query, CancellationToken ct) =>
        await query.AsNoTracking().OrderBy(h => h.Name)
            .Select(h => new HouseholdSummary(h.Id, h.CommunityId, h.GroupId, h.Name,
                h.Members.OrderBy(m => m.JoinedAt).Select(m => new MemberName(m.PersonId, m.Person!.FirstName)).ToList()))
            .ToListAsync(ct);

    private IQueryable<CommunitySummary> Summaries(IQueryable<Community> query) =>
        query.Select(c => new CommunitySummary(c.Id, c.Name, c.Place, c.Country, c.DefaultLanguage, c.Currency, c.TimeZone,
            c.Groups.Count, db.Households.Count(h => h.CommunityId == c.Id)));
}
