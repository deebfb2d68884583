using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.PersonalData;
using Mutua.Core.Projects;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.PersonalData;

public sealed class AccountClosureTests : WorldTests
{
    private Task<Outcome<ClosedAccount>> Close(Person who, string? password = null, bool confirmed = true) =>
        Host.Run<AccountClosure, Outcome<ClosedAccount>>(async s => await s.CloseAsync(await As(who), password, confirmed));

    private Task SetPasswordAsync(Person who, string password) => Host.Run<UserManager<Person>>(async users =>
    {
        var person = await users.FindByIdAsync(who.Id.ToString());
        Assert.True((await users.AddPasswordAsync(person!, password)).Succeeded);
    });

    /// <summary>Every value of every text column of every table, straight from the database's own catalogue.</summary>
    internal static async Task<List<string>> TextContainingAsync(MutuaDbContext db, IReadOnlyList<string> needles)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var columns = new List<(string Table, string Column)>();
            await using (var tables = connection.CreateCommand())
            {
                tables.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
                    "WHERE m.type = 'table' AND (p.type LIKE '%TEXT%' OR p.type LIKE '%CHAR%' OR p.type = '')";
                await using var r = await tables.ExecuteReaderAsync();
                while (await r.ReadAsync()) columns.Add((r.GetString(0), r.GetString(1)));
            }
            Assert.True(columns.Count > 50, $"only {columns.Count} text columns found");
            var hits = new List<string>();
            foreach (var (table, column) in columns)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var r = await select.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    var value = r.GetValue(0)?.ToString() ?? "";
                    hits.AddRange(needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table}.{column} holds {n}: {value}"));
                }
            }
            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Closing_leaves_no_name_email_or_phone_anywhere_in_the_database()
    {
        await FullHousehold.FillAsync(Host, W);
        string[] needles = ["Amina", "Uwimana", FullHousehold.AminaEmail, FullHousehold.AminaPhone, "788000001"];
        // The search finds them before: it is no search that cannot find anything.
        var before = await Host.Db(db => TextContainingAsync(db, needles));
        foreach (var needle in needles) Assert.Contains(before, hit => hit.Contains(" holds " + needle + ":", StringComparison.Ordinal));

        (await Close(W.Amina)).Ok();

        var after = await Host.Db(db => TextContainingAsync(db, needles));
        Assert.True(after.Count == 0, "left behind:\n" + string.Join("\n", after));
        var entry = await Host.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccountClosed));
        Assert.Null(entry.ActorId);
        Assert.Null(entry.Subject);
        Assert.Null(entry.CommunityId);
        Assert.DoesNotContain(W.Amina.Id.ToString(), entry.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(W.AminaHome.Id.ToString(), entry.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.False(await Host.Db(db => db.Users.AnyAsync(u => u.Id == W.Amina.Id)));
        // A cookie or token that still carries her id loads nobody.
        Assert.False((await As(W.Amina)).IsSignedIn);
    }

    [Fact]
    public async Task The_last_member_leaving_deletes_the_households_check_ins_and_goals_and_keeps_what_others_have_a_stake_in()
    {
        var f = await FullHousehold.FillAsync(Host, W);
        var closed = (await Close(W.Amina)).Ok();
        Assert.Equal(new ClosedAccount(1, 1), closed);

        await Host.Db(async db =>
        {
            Assert.False(await db.Households.AnyAsync(h => h.Id == W.AminaHome.Id));
            Assert.False(await db.CheckIns.AnyAsync(c => c.HouseholdId == W.AminaHome.Id));
            Assert.False(await db.Goals.AnyAsync(g => g.HouseholdId == W.AminaHome.Id));
            Assert.False(await db.Invitations.AnyAsync(i => i.Id == f.Invitation));
            Assert.False(await db.HouseholdMembers.AnyAsync(m => m.PersonId == W.Amina.Id));
            Assert.False(await db.CommunityRoles.AnyAsync(r => r.PersonId == W.Amina.Id));
            Assert.False(await db.Orientations.AnyAsync(o => o.PersonId == W.Amina.Id));
            // The project Bosco pledged to stays for his record: nobody's, paused, without photos.
            var kept = await db.Projects.SingleAsync(p => p.Id == f.PledgedProject);
            Assert.Null(kept.HouseholdId);
            Assert.Null(kept.GroupId);
            Assert.Equal(ProjectStatus.Paused, kept.Status);
            Assert.False(await db.ProjectPhotos.AnyAsync(p => p.ProjectId == f.PledgedProject));
            Assert.True(await db.Pledges.AnyAsync(p => p.Id == f.PledgeReceived && p.PersonId == W.Bosco.Id));
            // The one nobody pledged to goes with the household.
            Assert.False(await db.Projects.AnyAsync(p => p.Id == f.UnpledgedProject));
            // Bosco's own check-in keeps the help, with a dash for who it was with.
            var help = await db.HelpExchanges.SingleAsync(h => h.Id == f.BoscoHelpAboutAmina);
            Assert.Null(help.OtherHouseholdId);
            Assert.Equal("—", help.OtherDescription);
            Assert.Equal(1, await db.CheckIns.CountAsync(c => c.HouseholdId == W.BoscoHome.Id));
            // Settled aggregates stay.
            Assert.Equal(1, await db.InsightsSnapshots.CountAsync());
            return 0;
        });

        // The kept project reads as a former member's to the community.
        var view = (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(await As(W.Bosco), f.PledgedProject))).Ok();
        Assert.Null(view.Owner.HouseholdId);
        Assert.False(view.Can.Edit);
        Assert.False(view.Can.Pledge);
    }

    [Fact]
    public async Task A_remaining_member_keeps_the_check_ins_and_the_household_loses_its_leavers_name()
    {
        var f = await FullHousehold.FillAsync(Host, W);
        var eric = await Host.PersonAsync("Eric");
        await Host.JoinAsync(eric.Id, W.AminaHome);
        // Named after her, the way a household that joins by invitation is named by default.
        await Host.Db(db => db.Households.Where(h => h.Id == W.AminaHome.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Name, "Amina")));

        Assert.Equal(new ClosedAccount(1, 0), (await Close(W.Amina)).Ok());

        await Host.Db(async db =>
        {
            var home = await db.Households.SingleAsync(h => h.Id == W.AminaHome.Id);
            Assert.Equal("Eric", home.Name);
            Assert.True(await db.CheckIns.AnyAsync(c => c.Id == f.CheckIn));
            Assert.True(await db.Goals.AnyAsync(g => g.Id == f.Goal));
            Assert.Equal(2, await db.Projects.CountAsync(p => p.HouseholdId == W.AminaHome.Id));
            Assert.Equal(ProjectStatus.Published, (await db.Projects.SingleAsync(p => p.Id == f.PledgedProject)).Status);
            Assert.Equal([eric.Id], await db.HouseholdMembers.Where(m => m.HouseholdId == W.AminaHome.Id).Select(m => m.PersonId).ToListAsync());
            return 0;
        });
        // Eric still sees his household's check-ins.
        var list = await Host.Run<Mutua.Core.CheckIns.CheckInService, Outcome<IReadOnlyList<Mutua.Core.CheckIns.CheckInListItem>>>(async s =>
            await s.ListAsync(await As(eric), W.AminaHome.Id));
        Assert.Single(list.Ok());
    }

    [Fact]
    public async Task Pledges_to_others_stay_anonymised_and_the_open_ones_are_withdrawn()
    {
        var f = await FullHousehold.FillAsync(Host, W);
        (await Close(W.Amina)).Ok();
        await Host.Db(async db =>
        {
            var confirmed = await db.Pledges.SingleAsync(p => p.Id == f.PledgeMadeConfirmed);
            Assert.Null(confirmed.PersonId);
            Assert.Null(confirmed.IdempotencyKey);
            Assert.Equal(PledgeStatus.Confirmed, confirmed.Status);
            Assert.Equal(7_000, confirmed.Amount);
            Assert.Equal("MoMo from … 0… ref 4471", confirmed.Reference);
            var open = await db.Pledges.SingleAsync(p => p.Id == f.PledgeMadeOpen);
            Assert.Equal(PledgeStatus.Withdrawn, open.Status);
            Assert.Null(open.PersonId);
            return 0;
        });
        var view = (await Host.Run<ProjectService, Outcome<ProjectView>>(async s => await s.GetAsync(await As(W.Bosco), f.BoscoProject))).Ok();
        Assert.Contains(view.Pledges, p => p.Id == f.PledgeMadeConfirmed && p.SupporterFirstName == "—");
    }

    [Fact]
    public async Task Closing_takes_the_password_and_a_clear_yes_and_a_wrong_password_changes_nothing()
    {
        await SetPasswordAsync(W.Amina, "a long family sentence");
        (await Close(W.Amina, "a long family sentence", confirmed: false)).Fails(Failure.ConfirmationRequired);
        (await Close(W.Amina, null)).Fails(Failure.WrongPassword);
        (await Close(W.Amina, "wrong guess")).Fails(Failure.WrongPassword);
        Assert.True(await Host.Db(db => db.Users.AnyAsync(u => u.Id == W.Amina.Id)));
        Assert.True(await Host.Db(db => db.HouseholdMembers.AnyAsync(m => m.PersonId == W.Amina.Id)));
        // Wrong passwords count like wrong sign-ins: the fifth locks the account.
        for (var i = 0; i < 2; i++) (await Close(W.Amina, "wrong guess")).Fails(Failure.WrongPassword);
        (await Close(W.Amina, "wrong guess")).Fails(Failure.LockedOut);
        (await Close(W.Amina, "a long family sentence")).Fails(Failure.LockedOut);
        await Host.Db(db => db.Users.Where(u => u.Id == W.Amina.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(-1))));
        (await Close(W.Amina, "a long family sentence")).Ok();
        Assert.False(await Host.Db(db => db.Users.AnyAsync(u => u.Id == W.Amina.Id)));
    }

    [Fact]
    public async Task The_only_admin_cannot_close_and_nobody_closes_without_being_signed_in()
    {
        (await Close(W.Ada)).Fails(Failure.LastAdmin);
        (await Host.Run<AccountClosure, Outcome<ClosedAccount>>(s => s.CloseAsync(Mutua.Core.Viewer.Anonymous, null, true)))
            .Fails(Failure.Forbidden);
        await Host.PersonAsync("Ines", email: "ines@example.org", admin: true);
        (await Close(W.Ada)).Ok();
    }
}
