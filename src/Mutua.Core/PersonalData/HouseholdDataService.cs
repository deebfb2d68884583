using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Auditing;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Projects;

namespace Mutua.Core.PersonalData;

public sealed record DataDownload(byte[] Zip, string FileName);

/// <summary>
/// Everything Mutua holds about a household, as a ZIP of JSON and CSV (one pair per entry of
/// <see cref="HouseholdDataFiles"/>) and the photos of its projects. Only its own members download it:
/// not coordinators, sponsors or admins, who never see a household's check-ins either. What is about
/// other people appears as the household sees it elsewhere in Mutua (first names, no contacts); what is
/// about one member alone (their account, pledges, follows) is the downloading member's only.
/// </summary>
public sealed class HouseholdDataService(MutuaDbContext db, TimeProvider clock)
{
    public async Task<Outcome<DataDownload>> DownloadAsync(Viewer viewer, Guid householdId, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !viewer.InCommunity(household.CommunityId)) return Failure.NotFound;
        if (!viewer.IsMemberOf(householdId)) return Failure.Forbidden;

        var (tables, photos) = await GatherAsync(viewer.PersonId, household, ct);
        var now = clock.GetUtcNow();
        db.Record(now, viewer.PersonId, AuditActions.DataDownloaded, household.CommunityId, household.Id);
        await db.SaveChangesAsync(ct);
        return new DataDownload(Zip(tables, photos), $"mutua-household-data-{now:yyyy-MM-dd}.zip");
    }

    private async Task<(List<Table> Tables, List<(Guid Id, byte[] Jpeg)> Photos)> GatherAsync(Guid me, Household h, CancellationToken ct)
    {
        var hid = h.Id;
        var members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == hid).OrderBy(m => m.JoinedAt).ToListAsync(ct);
        var memberIds = members.Select(m => m.PersonId).ToList();
        var person = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me, ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.HouseholdId == hid).OrderBy(c => c.Period).ToListAsync(ct);
        var ownCheckIns = db.CheckIns.Where(c => c.HouseholdId == hid).Select(c => c.Id);
        var monthOf = checkIns.ToDictionary(c => c.Id, c => Month.FromPeriod(c.Period).ToString());
        var income = await db.IncomeLines.AsNoTracking().Where(i => ownCheckIns.Contains(i.CheckInId)).ToListAsync(ct);
        var help = await db.HelpExchanges.AsNoTracking().Where(x => ownCheckIns.Contains(x.CheckInId)).ToListAsync(ct);
        var helpAboutUs = await db.HelpExchanges.AsNoTracking().Where(x => x.OtherHouseholdId == hid)
            .Join(db.CheckIns, x => x.CheckInId, c => c.Id, (x, c) => new { Help = x, c.Period }).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.HouseholdId == hid).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var goalNames = goals.ToDictionary(g => g.Id, g => g.Name);
        var progress = await db.GoalProgress.AsNoTracking().Where(p => ownCheckIns.Contains(p.CheckInId)).ToListAsync(ct);
        var corrections = await db.CheckInCorrections.AsNoTracking().Where(c => ownCheckIns.Contains(c.CheckInId)).OrderBy(c => c.At).ToListAsync(ct);

        var projects = await db.Projects.AsNoTracking().Where(p => p.HouseholdId == hid).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var ownProjects = db.Projects.Where(p => p.HouseholdId == hid).Select(p => p.Id);
        var titleOf = projects.ToDictionary(p => p.Id, p => p.Title);
        var needs = await db.Needs.AsNoTracking().Where(n => ownProjects.Contains(n.ProjectId)).OrderBy(n => n.Order).ToListAsync(ct);
        var updates = await db.ProjectUpdates.AsNoTracking().Where(u => ownProjects.Contains(u.ProjectId)).OrderBy(u => u.CreatedAt).ToListAsync(ct);
        var photos = await db.ProjectPhotos.AsNoTracking().Where(p => ownProjects.Contains(p.ProjectId)).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var inspirations = await db.ProjectInspirations.AsNoTracking()
            .Where(i => ownProjects.Contains(i.ProjectId) || ownProjects.Contains(i.InspiredById)).ToListAsync(ct);
        var followers = await db.ProjectFollowers.AsNoTracking().Where(f => ownProjects.Contains(f.ProjectId)).ToListAsync(ct);
        var backings = await db.ProjectBackings.AsNoTracking().Where(b => ownProjects.Contains(b.ProjectId)).OrderBy(b => b.LentOn).ToListAsync(ct);
        var received = await db.Pledges.AsNoTracking().Where(p => ownProjects.Contains(p.ProjectId)).OrderBy(p => p.CreatedAt).ToListAsync(ct);

        var myPledges = await db.Pledges.AsNoTracking().Where(p => p.PersonId == me).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var pledgedTo = myPledges.Select(p => p.ProjectId).Distinct().ToList();
        var pledgedTitles = await db.Projects.AsNoTracking().Where(p => pledgedTo.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var following = await db.ProjectFollowers.AsNoTracking().Where(f => f.PersonId == me).ToListAsync(ct);
        var notifications = await db.ProjectNotifications.AsNoTracking().Where(n => n.PersonId == me).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var ambassadorCode = await db.AmbassadorCodes.AsNoTracking().Where(a => a.PersonId == me).ToListAsync(ct);
        var shares = await db.ShareEvents.AsNoTracking().Where(e => e.AmbassadorId == me).OrderBy(e => e.At).ToListAsync(ct);
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == me).ToListAsync(ct);
        // Savings groups: the member's own place in each, their entries, loans and attendance (the group's books are the group's).
        var savingsMemberships = await db.SavingsMembers.AsNoTracking().Where(m => m.PersonId == me).OrderBy(m => m.JoinedAt).ToListAsync(ct);
        var savingsGroupIds = savingsMemberships.Select(m => m.GroupId).ToList();
        var savingsGroups = await db.SavingsGroups.AsNoTracking().Where(g => savingsGroupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var savingsOfficer = await db.SavingsOfficers.AsNoTracking().Where(o => o.PersonId == me).OrderBy(o => o.ChosenAt).ToListAsync(ct);
        var savingsEntries = await db.SavingsEntries.AsNoTracking().Where(e => e.PersonId == me).OrderBy(e => e.GroupId).ThenBy(e => e.Sequence).ToListAsync(ct);
        var savingsLoans = await db.SavingsLoans.AsNoTracking().Where(l => l.PersonId == me).OrderBy(l => l.ApprovedOn).ToListAsync(ct);
        var savingsAttendance = await db.SavingsAttendance.AsNoTracking().Where(a => a.PersonId == me)
            .Join(db.SavingsMeetings, a => a.MeetingId, m => m.Id, (a, m) => new { Attendance = a, m.GroupId, m.Date }).ToListAsync(ct);
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.UserId == me).ToListAsync(ct);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == me).ToListAsync(ct);
        var identityRoles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == me).ToListAsync(ct);
        var tokens = await db.UserTokens.AsNoTracking().Where(t => t.UserId == me).ToListAsync(ct);

        // Invitations into the household, and the ones its members made in its community.
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.HouseholdId == hid || (i.CommunityId == h.CommunityId && memberIds.Contains(i.CreatedById)))
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var orientations = await db.Orientations.AsNoTracking()
            .Where(o => o.CommunityId == h.CommunityId && memberIds.Contains(o.PersonId)).ToListAsync(ct);

        // Audit entries about the household, its projects, invitations and pledges, and about the downloading
        // member. Another member's own entries (their sign-ins) are theirs.
        var subjects = new[] { hid, me }.Concat(projects.Select(p => p.Id)).Concat(invitations.Select(i => i.Id))
            .Concat(received.Select(p => p.Id)).Concat(myPledges.Select(p => p.Id)).Select(id => id.ToString()).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == me || subjects.Contains(a.Subject!))
            .OrderBy(a => a.Id).ToListAsync(ct);

        var people = members.Select(m => (Guid?)m.PersonId)
            .Concat(checkIns.Select(c => (Guid?)c.RecordedById)).Concat(corrections.Select(c => (Guid?)c.ById))
            .Concat(updates.Select(u => (Guid?)u.AuthorId)).Concat(projects.Select(p => (Guid?)p.CreatedById)).Concat(projects.Select(p => p.VerifiedById))
            .Concat(received.SelectMany(p => new[] { p.PersonId, p.ViaAmbassadorId, p.ConfirmedById }))
            .Concat(invitations.SelectMany(i => new[] { (Guid?)i.CreatedById, i.RedeemedById }))
            .Concat(orientations.SelectMany(o => new[] { (Guid?)o.PersonId, o.BuddyId })).Concat(audit.Select(a => a.ActorId))
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName, ct);
        string? Name(Guid? id) => id is { } x ? names.GetValueOrDefault(x) : null;
        var householdNames = help.Select(x => x.OtherHouseholdId).OfType<Guid>().Distinct().ToList();
        var otherHouseholds = await db.Households.AsNoTracking().Where(x => householdNames.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == h.CommunityId).Select(c => c.Name).FirstAsync(ct);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == h.GroupId).Select(g => g.Name).FirstOrDefaultAsync(ct);
        var communityNames = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var now = clock.GetUtcNow();

        var t = new Tables(db.Model);
        t.Add("household", [h], ("communityName", _ => community), ("groupName", _ => group));
        t.Add("members", members, ("firstName", m => Name(m.PersonId)));
        t.Add("me", [person]);
        t.Add("my-roles", roles, ("communityName", r => communityNames.GetValueOrDefault(r.CommunityId)));
        t.Add("my-account-claims", claims);
        t.Add("my-account-logins", logins);
        t.Add("my-account-roles", identityRoles);
        t.Add("my-account-tokens", tokens);
        t.Add("checkins", checkIns,
            ("month", c => monthOf[c.Id]),
            ("needs", c => Categories(c.NeedsMask)), ("wants", c => Categories(c.WantsMask)),
            ("recordedByFirstName", c => Name(c.RecordedById)));
        t.Add("checkin-income", income, ("month", i => monthOf[i.CheckInId]));
        t.Add("checkin-help", help, ("month", x => monthOf[x.CheckInId]),
            ("otherHouseholdName", x => x.OtherHouseholdId is { } o ? otherHouseholds.GetValueOrDefault(o) : null));
        var reportedIn = helpAboutUs.ToDictionary(x => x.Help.Id, x => Month.FromPeriod(x.Period).ToString());
        t.Add("help-reported-by-others", helpAboutUs.Select(x => x.Help), ("month", x => reportedIn[x.Id]));
        t.Add("goals", goals);
        t.Add("goal-progress", progress, ("month", p => monthOf[p.CheckInId]), ("goalName", p => goalNames.GetValueOrDefault(p.GoalId)));
        t.Add("checkin-corrections", corrections, ("month", c => monthOf[c.CheckInId]), ("byFirstName", c => Name(c.ById)));
        t.Add("projects", projects, ("createdByFirstName", p => Name(p.CreatedById)), ("verifiedByFirstName", p => Name(p.VerifiedById)));
        t.Add("project-needs", needs, ("projectTitle", n => titleOf.GetValueOrDefault(n.ProjectId)));
        t.Add("project-updates", updates, ("projectTitle", u => titleOf.GetValueOrDefault(u.ProjectId)), ("authorFirstName", u => Name(u.AuthorId)));
        t.Add("project-photos", photos, ("file", p => $"photos/{p.Id}.jpg"), ("sizeBytes", p => p.Large.LongLength));
        t.Add("project-inspirations", inspirations);
        t.Add("project-savings-backing", backings, ("projectTitle", b => titleOf.GetValueOrDefault(b.ProjectId)));
        t.Add("project-followers", followers);
        t.Add("pledges-received", received,
            ("projectTitle", p => titleOf.GetValueOrDefault(p.ProjectId)), ("supporterFirstName", p => Name(p.PersonId)),
            ("viaAmbassadorFirstName", p => Name(p.ViaAmbassadorId)), ("confirmedByFirstName", p => Name(p.ConfirmedById)));
        t.Add("my-pledges", myPledges, ("projectTitle", p => pledgedTitles.GetValueOrDefault(p.ProjectId)));
        t.Add("my-following", following);
        t.Add("my-notifications", notifications);
        t.Add("my-ambassador-code", ambassadorCode);
        t.Add("my-ambassador-shares", shares);
        t.Add("invitations", invitations,
            ("state", i => i.StateAt(now).ToString()), ("createdByFirstName", i => Name(i.CreatedById)), ("redeemedByFirstName", i => Name(i.RedeemedById)));
        t.Add("orientation", orientations, ("firstName", o => Name(o.PersonId)), ("buddyFirstName", o => Name(o.BuddyId)));
        t.Add("audit", audit, ("actorFirstName", a => Name(a.ActorId)));
        string? GroupName(Guid id) => savingsGroups.GetValueOrDefault(id);
        t.Add("my-savings-groups", savingsMemberships, ("groupName", m => GroupName(m.GroupId)));
        t.Add("my-savings-officer-roles", savingsOfficer, ("groupName", o => GroupName(o.GroupId)));
        t.Add("my-savings-entries", savingsEntries, ("groupName", e => GroupName(e.GroupId)));
        t.Add("my-savings-loans", savingsLoans, ("groupName", l => GroupName(l.GroupId)));
        var meetingOf = savingsAttendance.ToDictionary(a => a.Attendance.MeetingId, a => (a.GroupId, a.Date));
        t.Add("my-savings-attendance", savingsAttendance.Select(a => a.Attendance),
            ("groupName", a => GroupName(meetingOf[a.MeetingId].GroupId)), ("date", a => meetingOf[a.MeetingId].Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return (t.All, photos.Select(p => (p.Id, p.Large)).ToList());
    }

    private static string Categories(int mask) =>
        string.Join("; ", Enum.GetValues<NeedCategory>().Where(c => (mask & (1 << (int)c)) != 0));

    /// <summary>One file's rows: the table's columns (but the withheld ones) and the extra columns that name things.</summary>
    internal sealed record Table(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

    private sealed class Tables(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        public List<Table> All { get; } = [];

        public void Add<T>(string file, IEnumerable<T> rows, params (string Column, Func<T, object?> Value)[] extra)
        {
            var entry = HouseholdDataFiles.Entries.Single(e => e.File == file);
            if (entry.Table != typeof(T)) throw new InvalidOperationException($"{file} is declared for {entry.Table.Name}, written from {typeof(T).Name}.");
            var properties = model.FindEntityType(typeof(T))!.GetProperties()
                .Where(p => p.PropertyInfo is not null && !entry.Withheld.ContainsKey(p.Name))
                .Select(p => p.PropertyInfo!).ToList();
            var columns = properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Concat(extra.Select(e => e.Column)).ToList();
            var values = rows.Select(r => properties.Select(p => p.GetValue(r)).Concat(extra.Select(e => e.Value(r))).ToArray()).ToList();
            All.Add(new Table(file, columns, values));
        }
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static byte[] Zip(IReadOnlyList<Table> tables, IReadOnlyList<(Guid Id, byte[] Jpeg)> photos)
    {
        using var content = new MemoryStream();
        using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in tables)
            {
                using (var json = zip.CreateEntry(table.Name + ".json", CompressionLevel.Optimal).Open())
                using (var w = new Utf8JsonWriter(json, JsonOptions))
                {
                    w.WriteStartArray();
                    foreach (var row in table.Rows)
                    {
                        w.WriteStartObject();
                        for (var i = 0; i < table.Columns.Count; i++)
                        {
                            w.WritePropertyName(table.Columns[i]);
                            WriteJson(w, row[i]);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                using (var csvStream = zip.CreateEntry(table.Name + ".csv", CompressionLevel.Optimal).Open())
                // With a byte-order mark, as the insights export: spreadsheet programs then read accents right.
                using (var writer = new StreamWriter(csvStream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                using (var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var c in table.Columns) csv.WriteField(c);
                    csv.NextRecord();
                    foreach (var row in table.Rows)
                    {
                        foreach (var cell in row) csv.WriteField(Text(cell));
                        csv.NextRecord();
                    }
                }
            }
            foreach (var (id, jpeg) in photos)
            {
                // JPEG is compressed already.
                using var file = zip.CreateEntry($"photos/{id}.jpg", CompressionLevel.NoCompression).Open();
                file.Write(jpeg);
            }
        }
        return content.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            default: w.WriteStringValue(Text(value)); break;
        }
    }

    /// <summary>Instants in ISO 8601 with their offset, enums by name, numbers without a culture.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
