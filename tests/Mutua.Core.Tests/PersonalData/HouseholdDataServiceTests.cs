using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.PersonalData;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.PersonalData;

public sealed class HouseholdDataServiceTests : WorldTests
{
    private Task<Outcome<DataDownload>> Download(Person by, Guid householdId) =>
        Host.Run<HouseholdDataService, Outcome<DataDownload>>(async s => await s.DownloadAsync(await As(by), householdId));

    /// <summary>The entity types whose rows are about a household or a person: a key to one, or to a row that is.</summary>
    internal static IReadOnlyList<Type> TablesAboutHouseholdsOrPeople(IModel model)
    {
        var roots = new HashSet<Type> { typeof(Household), typeof(Person) };
        // Ids kept without a foreign key still say whose a row is (AuditEntry.ActorId, CheckIn.RecordedById).
        static bool NamesSomeone(IProperty p) => (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))
            && (p.Name.EndsWith("PersonId", StringComparison.Ordinal) || p.Name.EndsWith("HouseholdId", StringComparison.Ordinal)
                || p.Name.EndsWith("ById", StringComparison.Ordinal) || p.Name is "ActorId" or "AmbassadorId" or "BuddyId" or "AuthorId" or "UserId");
        var found = new HashSet<Type>(roots);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in model.GetEntityTypes())
            {
                if (found.Contains(e.ClrType)) continue;
                if (e.GetForeignKeys().Any(fk => found.Contains(fk.PrincipalEntityType.ClrType)) || e.GetProperties().Any(NamesSomeone))
                {
                    found.Add(e.ClrType);
                    changed = true;
                }
            }
        }
        return found.ToList();
    }

    [Fact]
    public async Task Every_table_about_a_household_or_a_person_is_in_the_download_or_says_why_not()
    {
        var tables = await Host.Db(db => Task.FromResult(TablesAboutHouseholdsOrPeople(db.Model)));
        Assert.Contains(typeof(Mutua.Core.CheckIns.IncomeLine), tables); // through its check-in
        Assert.Contains(typeof(AuditEntry), tables);                     // through ActorId, no foreign key
        Assert.DoesNotContain(typeof(Mutua.Core.Insights.InsightsSnapshot), tables);
        var placed = HouseholdDataFiles.Entries.Select(e => e.Table).Concat(HouseholdDataFiles.NotIncluded.Keys).ToHashSet();
        var missing = tables.Where(t => !placed.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "tables about households or people that the download leaves out without a reason: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_zip_has_every_column_of_every_table_but_the_withheld_ones_and_a_row_from_each()
    {
        var f = await FullHousehold.FillAsync(Host, W);
        var zip = Unzip((await Download(W.Amina, W.AminaHome.Id)).Ok().Zip);
        var model = await Host.Db(db => Task.FromResult(db.Model));
        foreach (var entry in HouseholdDataFiles.Entries)
        {
            Assert.True(zip.ContainsKey(entry.File + ".json"), $"{entry.File}.json is missing");
            Assert.True(zip.ContainsKey(entry.File + ".csv"), $"{entry.File}.csv is missing");
            var header = Encoding.UTF8.GetString(zip[entry.File + ".csv"]).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r').Split(',');
            var expected = model.FindEntityType(entry.Table)!.GetProperties().Where(p => p.PropertyInfo is not null)
                .Select(p => p.Name).Where(n => !entry.Withheld.ContainsKey(n)).Select(JsonNamingPolicy.CamelCase.ConvertName);
            foreach (var column in expected) Assert.True(header.Contains(column), $"{entry.File}.csv has no column {column}");
            foreach (var withheld in entry.Withheld.Keys)
                Assert.False(header.Contains(JsonNamingPolicy.CamelCase.ConvertName(withheld)), $"{entry.File}.csv carries withheld {withheld}");
            using var json = JsonDocument.Parse(zip[entry.File + ".json"]);
            Assert.True(json.RootElement.GetArrayLength() > 0, $"{entry.File}.json is empty although the household has such a row");
        }

        var checkIn = Assert.Single(Rows(zip, "checkins"));
        Assert.Equal(FullHousehold.AminaNote, checkIn.GetProperty("whatsNew").GetString());
        Assert.Equal(80_000, checkIn.GetProperty("incomeTotal").GetInt64());
        Assert.Equal("2026-10", checkIn.GetProperty("month").GetString());
        Assert.Equal("Transport", checkIn.GetProperty("needs").GetString());
        Assert.Equal("Training", checkIn.GetProperty("wants").GetString());
        Assert.Equal("Bosco's family", Assert.Single(Rows(zip, "checkin-help")).GetProperty("otherHouseholdName").GetString());
        var reported = Assert.Single(Rows(zip, "help-reported-by-others"));
        Assert.Equal(f.BoscoHelpAboutAmina, reported.GetProperty("id").GetGuid());
        Assert.Equal("Amina", Assert.Single(Rows(zip, "members")).GetProperty("firstName").GetString());
        var me = Assert.Single(Rows(zip, "me"));
        Assert.Equal(FullHousehold.AminaFullName, me.GetProperty("fullName").GetString());
        var received = Assert.Single(Rows(zip, "pledges-received"));
        Assert.Equal("Bosco", received.GetProperty("supporterFirstName").GetString());
        Assert.Equal(2, Rows(zip, "my-pledges").Count);
        Assert.Equal(2, Rows(zip, "projects").Count);
        var photos = Rows(zip, "project-photos");
        Assert.Equal(2, photos.Count);
        foreach (var photo in photos) Assert.True(zip.ContainsKey(photo.GetProperty("file").GetString()!), "the photo's file is in the ZIP");
        Assert.Equal(f.Invitation, Assert.Single(Rows(zip, "invitations")).GetProperty("id").GetGuid());
        Assert.Equal("Bosco", Assert.Single(Rows(zip, "orientation")).GetProperty("buddyFirstName").GetString());
        Assert.Contains(Rows(zip, "audit"), a => a.GetProperty("action").GetString() == AuditActions.HouseholdMoved);
        Assert.Contains("2026-10", Encoding.UTF8.GetString(zip["checkins.csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_of_another_household_or_another_persons_secrets_is_in_it()
    {
        await FullHousehold.FillAsync(Host, W);
        var zip = Unzip((await Download(W.Amina, W.AminaHome.Id)).Ok().Zip);
        var all = string.Join("\n", zip.Where(z => !z.Key.StartsWith("photos/", StringComparison.Ordinal)).Select(z => Encoding.UTF8.GetString(z.Value)));
        Assert.DoesNotContain(FullHousehold.BoscoNote, all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ovens are in", all, StringComparison.Ordinal);
        Assert.DoesNotContain("bosco@example.org", all, StringComparison.Ordinal);
        Assert.DoesNotContain("bosco-key", all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", all, StringComparison.Ordinal);
        Assert.DoesNotContain("AMNAINV2", all, StringComparison.Ordinal);
        var hash = await Host.Db(db => db.Users.Where(u => u.Id == W.Amina.Id).Select(u => u.SecurityStamp).FirstAsync());
        Assert.DoesNotContain(hash!, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_households_own_members_download_it_and_each_download_is_audited()
    {
        (await Download(W.Bosco, W.AminaHome.Id)).Fails(Failure.Forbidden);   // same group, another household
        (await Download(W.Claude, W.AminaHome.Id)).Fails(Failure.Forbidden);  // its coordinator
        (await Download(W.Sara, W.AminaHome.Id)).Fails(Failure.Forbidden);    // its sponsor
        (await Download(W.Ada, W.AminaHome.Id)).Fails(Failure.Forbidden);     // the admin
        (await Download(W.Dora, W.AminaHome.Id)).Fails(Failure.NotFound);     // another community
        (await Download(W.Amina, Guid.NewGuid())).Fails(Failure.NotFound);
        Assert.Equal(0, await Host.Db(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.DataDownloaded)));

        var download = (await Download(W.Amina, W.AminaHome.Id)).Ok();
        Assert.EndsWith(".zip", download.FileName, StringComparison.Ordinal);
        var entry = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.DataDownloaded));
        Assert.Equal(W.Amina.Id, entry.ActorId);
        Assert.Equal(W.AminaHome.Id.ToString(), entry.Subject);
    }

    internal static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static List<JsonElement> Rows(Dictionary<string, byte[]> zip, string file) =>
        JsonDocument.Parse(zip[file + ".json"]).RootElement.EnumerateArray().ToList();
}
