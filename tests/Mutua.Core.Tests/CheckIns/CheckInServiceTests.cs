using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.CheckIns;

/// <summary>The world's clock stands at 2026-11-23 in Kigali: November is open, October closed, December to come.</summary>
public sealed class CheckInServiceTests : WorldTests
{
    private static readonly Month November = new(2026, 11);
    private static readonly Month October = new(2026, 10);

    private Task<Outcome<CheckInView>> Save(Person who, Household home, Month month, CheckInInput input) =>
        Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(who), home.Id, month, input));

    private Task<Outcome<CheckInView>> Get(Person who, Household home, Month month) =>
        Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.GetAsync(await As(who), home.Id, month));

    private Task<Outcome<CheckInView>> Draft(Person who, Household home, Month month) =>
        Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.DraftAsync(await As(who), home.Id, month));

    private Task<Outcome<IReadOnlyList<CheckInListItem>>> List(Person who, Household home) =>
        Host.Run<CheckInService, Outcome<IReadOnlyList<CheckInListItem>>>(async s => await s.ListAsync(await As(who), home.Id));

    private Task<Outcome<IReadOnlyList<HouseholdChoice>>> Neighbours(Person who, Household home) =>
        Host.Run<CheckInService, Outcome<IReadOnlyList<HouseholdChoice>>>(async s => await s.NeighboursAsync(await As(who), home.Id));

    /// <summary>Every row a save could touch, as text, to show that a refused save changed nothing.</summary>
    private Task<string> Fingerprint() => Host.Db(async db =>
    {
        var checkIns = await db.CheckIns.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.Period}|{c.IncomeTotal}|{c.SavingsBalance}|{c.Debts}|{c.HealthRating}|{c.WhatsNew}|{c.NeedsMask}|{c.UpdatedAt}|{c.Corrections}")
            .ToListAsync();
        var income = await db.IncomeLines.AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.Id}|{i.Source}|{i.Amount}").ToListAsync();
        var help = await db.HelpExchanges.AsNoTracking().OrderBy(h => h.Id).Select(h => $"{h.Id}|{h.OtherHouseholdId}").ToListAsync();
        var goals = await db.Goals.AsNoTracking().OrderBy(g => g.Id).Select(g => $"{g.Id}|{g.Name}|{g.ClosedAt}").ToListAsync();
        var progress = await db.GoalProgress.AsNoTracking().OrderBy(g => g.Id).Select(g => $"{g.Id}|{g.Percent}").ToListAsync();
        var corrections = await db.CheckInCorrections.CountAsync();
        var orientations = await db.Orientations.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Id}|{o.FirstCheckInAt}").ToListAsync();
        return string.Join("\n", checkIns.Concat(income).Concat(help).Concat(goals).Concat(progress).Concat(orientations).Append(corrections.ToString()));
    });

    private CheckInInput Full() => new(
        Income: [new(IncomeSource.Job, 120_000), new(IncomeSource.OwnBusiness, 30_000), new(IncomeSource.GiftsOrRemittances, 5_000)],
        SavingsBalance: 40_000, Debts: 15_000, HealthRating: 4, HealthNotes: "Malaria in the first week, better now.",
        EducationNotes: "Eric finished the tailoring course.", Housing: HousingSituation.Rented, HousingNotes: "Fixed the door.",
        LeadershipNotes: "Treasurer of the savings group.", MeetingsLed: 2,
        Help: [new(HelpDirection.Given, HelpKind.Childcare, W.BoscoHome.Id, null, null),
            new(HelpDirection.Received, HelpKind.Transport, null, "A cousin in Huye", 2_000)],
        Goals: [new(null, "Buy a sewing machine", 30), new(null, "Repair the roof", 10)],
        Needs: [NeedCategory.BusinessCapital, NeedCategory.SchoolCosts], Wants: [NeedCategory.Training],
        NeedsNotes: "Fees are due in January.", WhatsNew: "Opened a stall at the market.",
        SharedWithGroup: SharedParts.Goals | SharedParts.NeedsAndWants | SharedParts.Savings);

    // ------------------------------------------------------------------ who may

    [Fact]
    public async Task Only_the_households_own_members_read_and_write_it()
    {
        Assert.Equal(W.AminaHome.Id, (await Save(W.Amina, W.AminaHome, November, Full())).Ok().HouseholdId);
        var before = await Fingerprint();

        foreach (var outsider in new[] { W.Bosco, W.Jean, W.Claude, W.Sara, W.Ada, W.Dora, W.Odongo })
        {
            // Another community's people are told what they would be for a household that does not exist (issue 11, finding 7).
            var refusal = outsider == W.Dora || outsider == W.Odongo ? Failure.NotFound : Failure.Forbidden;
            (await Save(outsider, W.AminaHome, November, new CheckInInput(SavingsBalance: 1))).Fails(refusal);
            (await Get(outsider, W.AminaHome, November)).Fails(refusal);
            (await Draft(outsider, W.AminaHome, November)).Fails(refusal);
            (await List(outsider, W.AminaHome)).Fails(refusal);
            (await Neighbours(outsider, W.AminaHome)).Fails(refusal);
        }
        Assert.Equal(before, await Fingerprint());

        var unknown = new Household { Id = Guid.NewGuid() };
        (await Save(W.Amina, unknown, November, new CheckInInput())).Fails(Failure.NotFound);
        (await Get(W.Amina, unknown, November)).Fails(Failure.NotFound);
        (await List(W.Amina, unknown)).Fails(Failure.NotFound);
        (await Get(W.Amina, W.AminaHome, October)).Fails(Failure.NotFound); // nothing recorded for October
        Assert.Single((await List(W.Amina, W.AminaHome)).Ok());
    }

    // ------------------------------------------------------------------ saving

    [Fact]
    public async Task Every_part_saved_is_read_back()
    {
        var input = Full();
        var saved = (await Save(W.Amina, W.AminaHome, November, input)).Ok();
        var read = (await Get(W.Amina, W.AminaHome, November)).Ok();

        foreach (var v in new[] { saved, read })
        {
            Assert.Equal("2026-11", v.Month);
            Assert.Equal(MonthState.Open, v.State);
            Assert.Equal("RWF", v.Currency);
            Assert.Equal(input.Income!.OrderBy(i => i.Source), v.Income);
            Assert.Equal(input.Income!.Sum(i => i.Amount), v.IncomeTotal);
            Assert.Equal(input.SavingsBalance, v.SavingsBalance);
            Assert.Equal(input.Debts, v.Debts);
            Assert.Equal(input.HealthRating, v.HealthRating);
            Assert.Equal(input.HealthNotes, v.HealthNotes);
            Assert.Equal(input.EducationNotes, v.EducationNotes);
            Assert.Equal(input.Housing, v.Housing);
            Assert.Equal(input.HousingNotes, v.HousingNotes);
            Assert.Equal(input.LeadershipNotes, v.LeadershipNotes);
            Assert.Equal(input.MeetingsLed, v.MeetingsLed);
            Assert.Equal(2, v.Help.Count);
            var given = Assert.Single(v.Help, h => h.Direction == HelpDirection.Given);
            Assert.Equal((HelpKind.Childcare, W.BoscoHome.Id, W.BoscoHome.Name, (string?)null), (given.Kind, given.OtherHouseholdId, given.OtherHouseholdName, given.OtherDescription));
            var received = Assert.Single(v.Help, h => h.Direction == HelpDirection.Received);
            Assert.Equal((HelpKind.Transport, (Guid?)null, "A cousin in Huye", (long?)2_000), (received.Kind, received.OtherHouseholdId, received.OtherDescription, received.Value));
            Assert.Equal([("Buy a sewing machine", (int?)30), ("Repair the roof", 10)], v.Goals.Select(g => (g.Name, g.Percent)).OrderBy(g => g.Name));
            Assert.Equal(input.Needs!.Order(), v.Needs.Order());
            Assert.Equal(input.Wants, v.Wants);
            Assert.Equal(input.NeedsNotes, v.NeedsNotes);
            Assert.Equal(input.WhatsNew, v.WhatsNew);
            Assert.Equal(input.SharedWithGroup, v.SharedWithGroup);
            Assert.Equal(Host.Clock.GetUtcNow(), v.UpdatedAt);
            Assert.Equal(0, v.Corrections);
            Assert.False(v.Prefilled);
        }

        var row = await Host.Db(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.HouseholdId == W.AminaHome.Id));
        Assert.Equal((W.Kimironko.Id, (Guid?)W.Umucyo.Id, 202611, true, true, W.Amina.Id),
            (row.CommunityId, row.GroupId, row.Period, row.GaveHelp, row.ReceivedHelp, row.RecordedById));
        var item = Assert.Single((await List(W.Amina, W.AminaHome)).Ok());
        Assert.Equal(("2026-11", (long?)155_000, (long?)40_000, (long?)15_000), (item.Month, item.IncomeTotal, item.SavingsBalance, item.Debts));
    }

    [Fact]
    public async Task A_replacement_replaces_every_part()
    {
        await Save(W.Amina, W.AminaHome, November, Full());
        var second = (await Save(W.Amina, W.AminaHome, November, new CheckInInput(Income: [new(IncomeSource.Benefits, 7)], WhatsNew: "  "))).Ok();

        Assert.Equal([new IncomeEntry(IncomeSource.Benefits, 7)], second.Income);
        Assert.Null(second.SavingsBalance);
        Assert.Null(second.HealthNotes);
        Assert.Null(second.WhatsNew); // blank is nothing
        Assert.Empty(second.Help);
        Assert.Empty(second.Needs);
        Assert.All(second.Goals, g => Assert.Null(g.Percent)); // the goals stay the household's; no progress this time
        Assert.Equal(SharedParts.None, second.SharedWithGroup);
        Assert.Equal(1, await Host.Db(db => db.IncomeLines.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.HelpExchanges.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.GoalProgress.CountAsync()));
        Assert.False(await Host.Db(db => db.CheckIns.AnyAsync(c => c.GaveHelp || c.ReceivedHelp)));
    }

    [Fact]
    public async Task Saving_the_same_input_twice_gives_the_same_check_in()
    {
        var input = Full();
        var first = (await Save(W.Amina, W.AminaHome, November, input)).Ok();
        var afterFirst = await Host.Db(db => db.Goals.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = (await Save(W.Amina, W.AminaHome, November, input)).Ok();

        Assert.Equal(first with { UpdatedAt = null }, second with { UpdatedAt = null }, new ViewComparer());
        Assert.Equal(afterFirst, await Host.Db(db => db.Goals.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync()));
        Assert.Equal(1, await Host.CountAsync<CheckIn>());
        Assert.Equal(3, await Host.CountAsync<IncomeLine>());
        Assert.Equal(2, await Host.CountAsync<HelpExchange>());
        Assert.Equal(2, await Host.CountAsync<GoalProgress>());
        Assert.Equal(0, await Host.CountAsync<CheckInCorrection>());
    }

    [Fact]
    public async Task A_save_changing_only_what_is_shared_with_the_group_is_stored_and_read_back()
    {
        var input = Full();
        (await Save(W.Amina, W.AminaHome, November, input)).Ok();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Save(W.Amina, W.AminaHome, November, input with { SharedWithGroup = SharedParts.Goals })).Ok();

        // Read back, not the save's answer: a save taken for "unchanged" answers with the input and stores nothing.
        Assert.Equal(SharedParts.Goals, (await Get(W.Amina, W.AminaHome, November)).Ok().SharedWithGroup);
        Assert.Equal(SharedParts.Goals, await Host.Db(db => db.CheckIns.AsNoTracking().Select(c => c.SharedWithGroup).SingleAsync()));

        // Sharing nothing at all is a choice too.
        (await Save(W.Amina, W.AminaHome, November, input with { SharedWithGroup = SharedParts.None })).Ok();
        Assert.Equal(SharedParts.None, (await Get(W.Amina, W.AminaHome, November)).Ok().SharedWithGroup);
    }

    [Fact]
    public async Task Saves_of_a_new_month_at_the_same_moment_make_one_check_in_and_the_others_replace_it()
    {
        var rosa = await Host.PersonAsync("Rosa");
        await Host.JoinAsync(rosa.Id, W.AminaHome);

        // Each save reads that the month is not there yet; all but one lose the race to create it.
        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Save(i % 2 == 0 ? W.Amina : rosa, W.AminaHome, November, new CheckInInput(Income: [new(IncomeSource.Job, i * 1_000)], SavingsBalance: i))));

        Assert.All(saves, s => s.Ok());
        Assert.Equal(1, await Host.CountAsync<CheckIn>());
        Assert.Equal(1, await Host.CountAsync<IncomeLine>());
        var stored = (await Get(W.Amina, W.AminaHome, November)).Ok();
        Assert.Contains(saves, s => s.Ok().SavingsBalance == stored.SavingsBalance);
        Assert.Equal(stored.SavingsBalance * 1_000, stored.IncomeTotal);
    }

    [Fact]
    public async Task Replacements_at_the_same_moment_of_a_check_in_without_lines_all_land_one_after_another()
    {
        var rosa = await Host.PersonAsync("Rosa");
        await Host.JoinAsync(rosa.Id, W.AminaHome);
        // October is closed: every save that lands is recorded as a correction, so none may be lost.
        (await Save(W.Amina, W.AminaHome, October, new CheckInInput(SavingsBalance: 0))).Ok();

        // They all read the same check-in with no lines to delete: only its version tells them apart.
        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Save(i % 2 == 0 ? W.Amina : rosa, W.AminaHome, October, new CheckInInput(Income: [new(IncomeSource.Job, i * 1_000)], SavingsBalance: i))));

        Assert.All(saves, s => s.Ok());
        Assert.Equal(1, await Host.CountAsync<CheckIn>());
        Assert.Equal(1, await Host.CountAsync<IncomeLine>());
        var stored = (await Get(W.Amina, W.AminaHome, October)).Ok();
        Assert.Equal(stored.SavingsBalance * 1_000, stored.IncomeTotal);
        Assert.Equal(9, stored.Corrections);
        Assert.Equal(9, await Host.CountAsync<CheckInCorrection>());
    }

    [Fact]
    public async Task Income_named_twice_from_one_source_is_one_line_with_the_sum()
    {
        var input = new CheckInInput(Income: [new(IncomeSource.Job, 100), new(IncomeSource.Other, 5), new(IncomeSource.Job, 250)]);
        await Save(W.Amina, W.AminaHome, November, input);
        var v = (await Save(W.Amina, W.AminaHome, November, input)).Ok();

        Assert.Equal([new IncomeEntry(IncomeSource.Job, 350), new IncomeEntry(IncomeSource.Other, 5)], v.Income);
        Assert.Equal(355, v.IncomeTotal);
        Assert.Equal(2, await Host.CountAsync<IncomeLine>());
    }

    [Fact]
    public async Task A_goal_at_100_percent_is_reached_and_no_longer_offered_next_month()
    {
        await Save(W.Amina, W.AminaHome, October, new CheckInInput(Goals: [new(null, "Repair the roof", 100), new(null, "Save 50,000", 20)]));
        var goals = await Host.Db(db => db.Goals.AsNoTracking().ToListAsync());
        Assert.NotNull(Assert.Single(goals, g => g.Name == "Repair the roof").ClosedAt);
        Assert.Null(Assert.Single(goals, g => g.Name == "Save 50,000").ClosedAt);

        var november = (await Draft(W.Amina, W.AminaHome, November)).Ok();
        Assert.Equal(["Save 50,000"], november.Goals.Select(g => g.Name));
    }

    [Fact]
    // A family that names a goal twice (a form sent with the row doubled, or a correction typed below the first
    // figure) means one goal: the save is kept, the goal counted once, and the figure given last is the one that stands,
    // as when the same field is typed over. Refusing would lose the whole month's check-in over a doubled row.
    public async Task The_same_goal_named_twice_in_one_save_is_one_goal_with_the_last_figure()
    {
        var first = (await Save(W.Amina, W.AminaHome, November, new CheckInInput(Goals: [new(null, "Repair the roof", 10)]))).Ok();
        var id = Assert.Single(first.Goals).GoalId;

        (await Save(W.Amina, W.AminaHome, November, new CheckInInput(Goals: [new(id, null, 20), new(id, null, 30)]))).Ok();

        var read = (await Get(W.Amina, W.AminaHome, November)).Ok();
        Assert.Equal([(id, "Repair the roof", (int?)30)], read.Goals.Select(g => (g.GoalId, g.Name, g.Percent)));
        Assert.Equal(1, await Host.CountAsync<Goal>());
        Assert.Equal(30, await Host.Db(db => db.GoalProgress.AsNoTracking().Select(g => g.Percent).SingleAsync()));
    }

    [Fact]
    public async Task Two_new_goals_with_the_same_name_in_one_save_are_one_goal_and_saving_again_is_idempotent()
    {
        var input = new CheckInInput(Goals: [new(null, "Repair the roof", 10), new(null, "repair the roof", 20)]);
        await Save(W.Amina, W.AminaHome, November, input);
        var again = await Save(W.Amina, W.AminaHome, November, input);

        Assert.True(again.Succeeded, $"saving the same input again failed: {again.Failure}");
        Assert.Equal(1, await Host.CountAsync<Goal>());
    }

    // ------------------------------------------------------------------ refusals

    public static readonly TheoryData<string, Failure> Refusals = new()
    {
        { "negative savings", Failure.AmountOutOfRange },
        { "negative debts", Failure.AmountOutOfRange },
        { "negative income", Failure.AmountOutOfRange },
        { "income beyond the maximum", Failure.AmountOutOfRange },
        { "income summed beyond the maximum", Failure.AmountOutOfRange },
        { "unknown income source", Failure.AmountOutOfRange },
        { "negative help value", Failure.AmountOutOfRange },
        { "rating 6", Failure.InvalidRating },
        { "rating 0", Failure.InvalidRating },
        { "help naming a household of another community", Failure.InvalidHelp },
        { "help naming an unknown household", Failure.InvalidHelp },
        { "help naming its own household", Failure.InvalidHelp },
        { "help naming nobody", Failure.InvalidHelp },
        { "help of an unknown kind", Failure.InvalidHelp },
        { "too many help entries", Failure.InvalidHelp },
        { "unknown need", Failure.InvalidHelp },
        { "eleven goals", Failure.InvalidGoal },
        { "goal at 101 percent", Failure.InvalidGoal },
        { "goal without a name", Failure.InvalidGoal },
        { "goal of another household", Failure.InvalidGoal },
        { "whats new too long", Failure.TextTooLong },
        { "health notes too long", Failure.TextTooLong },
        { "goal name too long", Failure.TextTooLong },
        { "outside helper described at length", Failure.TextTooLong },
    };

    private CheckInInput Bad(string name) => name switch
    {
        "negative savings" => new(SavingsBalance: -1),
        "negative debts" => new(Debts: -5),
        "negative income" => new(Income: [new(IncomeSource.Job, 100), new(IncomeSource.Other, -1)]),
        "income beyond the maximum" => new(Income: [new(IncomeSource.Job, CheckInService.MaxAmount + 1)]),
        "income summed beyond the maximum" => new(Income: [new(IncomeSource.Job, CheckInService.MaxAmount), new(IncomeSource.Job, 1)]),
        "unknown income source" => new(Income: [new((IncomeSource)42, 100)]),
        "negative help value" => new(Help: [new(HelpDirection.Given, HelpKind.Food, W.BoscoHome.Id, null, -3)]),
        "rating 6" => new(HealthRating: 6),
        "rating 0" => new(HealthRating: 0),
        "help naming a household of another community" => new(Help: [new(HelpDirection.Given, HelpKind.Food, W.DoraHome.Id, null, null)]),
        "help naming an unknown household" => new(Help: [new(HelpDirection.Given, HelpKind.Food, Guid.NewGuid(), null, null)]),
        "help naming its own household" => new(Help: [new(HelpDirection.Received, HelpKind.Food, W.AminaHome.Id, null, null)]),
        "help naming nobody" => new(Help: [new(HelpDirection.Received, HelpKind.Food, null, "  ", null)]),
        "help of an unknown kind" => new(Help: [new(HelpDirection.Given, (HelpKind)99, W.BoscoHome.Id, null, null)]),
        "too many help entries" => new(Help: Enumerable.Range(0, CheckInService.MaxHelpEntries + 1)
            .Select(_ => new HelpEntry(HelpDirection.Given, HelpKind.Food, W.BoscoHome.Id, null, null)).ToList()),
        "unknown need" => new(Needs: [NeedCategory.Food, (NeedCategory)11]),
        "eleven goals" => new(Goals: Enumerable.Range(1, CheckInService.MaxActiveGoals + 1).Select(i => new GoalEntry(null, $"Goal {i}", 0)).ToList()),
        "goal at 101 percent" => new(Goals: [new(null, "Roof", 101)]),
        "goal without a name" => new(Goals: [new(null, " ", 10)]),
        "goal of another household" => new(Goals: [new(BoscoGoal, null, 10)]),
        "whats new too long" => new(WhatsNew: new string('x', CheckIn.NotesMaxLength + 1)),
        "health notes too long" => new(HealthNotes: new string('x', CheckIn.NotesMaxLength + 1)),
        "goal name too long" => new(Goals: [new(null, new string('g', Goal.NameMaxLength + 1), 10)]),
        "outside helper described at length" => new(Help: [new(HelpDirection.Given, HelpKind.Food, null, new string('o', HelpExchange.DescriptionMaxLength + 1), null)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private Guid BoscoGoal { get; set; }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_input_is_refused_and_changes_nothing(string name, Failure expected)
    {
        var bosco = (await Save(W.Bosco, W.BoscoHome, November, new CheckInInput(Goals: [new(null, "Bosco's goal", 5)]))).Ok();
        BoscoGoal = Assert.Single(bosco.Goals).GoalId;
        await Save(W.Amina, W.AminaHome, November, Full());
        var before = await Fingerprint();
        Host.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Save(W.Amina, W.AminaHome, November, Bad(name))).Fails(expected);

        Assert.Equal(before, await Fingerprint());
    }

    [Fact]
    public async Task Ten_goals_are_allowed_and_an_eleventh_later_is_refused()
    {
        var ten = Enumerable.Range(1, CheckInService.MaxActiveGoals).Select(i => new GoalEntry(null, $"Goal {i}", 0)).ToList();
        (await Save(W.Amina, W.AminaHome, October, new CheckInInput(Goals: ten))).Ok();
        var before = await Fingerprint();
        (await Save(W.Amina, W.AminaHome, November, new CheckInInput(Goals: [new(null, "One more", 0)]))).Fails(Failure.InvalidGoal);
        Assert.Equal(before, await Fingerprint());
        // Naming an open goal again is not a new goal.
        (await Save(W.Amina, W.AminaHome, November, new CheckInInput(Goals: [new(null, "GOAL 3", 40)]))).Ok();
        Assert.Equal(CheckInService.MaxActiveGoals, await Host.CountAsync<Goal>());
    }

    [Fact]
    public async Task A_month_not_yet_begun_is_refused()
    {
        var before = await Fingerprint();
        (await Save(W.Amina, W.AminaHome, new Month(2026, 12), new CheckInInput(SavingsBalance: 1))).Fails(Failure.MonthInFuture);
        (await Draft(W.Amina, W.AminaHome, new Month(2026, 12))).Fails(Failure.MonthInFuture);
        (await Save(W.Amina, W.AminaHome, new Month(1999, 12), new CheckInInput(SavingsBalance: 1))).Fails(Failure.InvalidMonth);
        Assert.Equal(before, await Fingerprint());

        // In Kigali December begins at 22:00 UTC on 30 November.
        Host.Clock.Advance(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero) - Host.Clock.GetUtcNow());
        (await Save(W.Amina, W.AminaHome, new Month(2026, 12), new CheckInInput(SavingsBalance: 1))).Ok();
    }

    // ------------------------------------------------------------------ closed months

    [Fact]
    public async Task A_save_after_the_month_closed_is_recorded_as_a_correction()
    {
        var recorded = (await Save(W.Amina, W.AminaHome, October, new CheckInInput(SavingsBalance: 100))).Ok();
        Assert.Equal(MonthState.Closed, recorded.State);
        Assert.Equal(1, recorded.Corrections);
        Host.Clock.Advance(TimeSpan.FromHours(1));
        var changed = (await Save(W.Amina, W.AminaHome, October, new CheckInInput(SavingsBalance: 120))).Ok();
        Assert.Equal(2, changed.Corrections);
        Assert.Equal(120, changed.SavingsBalance);

        var corrections = await Host.Db(db => db.CheckInCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, corrections.Count);
        var checkInId = await Host.Db(db => db.CheckIns.Where(c => c.Period == October.Period).Select(c => c.Id).SingleAsync());
        Assert.All(corrections, c => Assert.Equal((checkInId, W.Amina.Id), (c.CheckInId, c.ById)));
        Assert.Equal(Host.Clock.GetUtcNow(), corrections[1].At);
        Assert.All(corrections, c => Assert.False(string.IsNullOrWhiteSpace(c.Summary)));
        Assert.Equal(2, Assert.Single((await List(W.Amina, W.AminaHome)).Ok()).Corrections);
    }

    [Fact]
    public async Task The_same_correction_sent_twice_is_one_correction()
    {
        (await Save(W.Amina, W.AminaHome, October, Full())).Ok();
        var first = await Fingerprint();
        Host.Clock.Advance(TimeSpan.FromMinutes(5)); // a retry from a phone on a slow network

        var again = (await Save(W.Amina, W.AminaHome, October, Full())).Ok();

        Assert.Equal(1, again.Corrections);
        Assert.Equal(first, await Fingerprint());
        Assert.Equal(155_000, again.IncomeTotal);
    }

    [Fact]
    public async Task The_same_check_in_sent_twice_writes_once()
    {
        var saved = (await Save(W.Amina, W.AminaHome, November, Full())).Ok();
        var first = await Fingerprint();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = (await Save(W.Amina, W.AminaHome, November, Full())).Ok();

        Assert.Equal(first, await Fingerprint());
        Assert.Equal(saved.UpdatedAt, again.UpdatedAt);
        Assert.Equal(saved.Goals.Select(g => (g.GoalId, g.Name, g.Percent)), again.Goals.Select(g => (g.GoalId, g.Name, g.Percent)));
        Assert.Equal(saved.Help.Select(h => (h.Kind, h.OtherHouseholdName)), again.Help.Select(h => (h.Kind, h.OtherHouseholdName)));
    }

    [Fact]
    public async Task A_save_while_the_month_is_open_is_not_a_correction()
    {
        (await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 1))).Ok();
        // 10 December 23:00 in Kigali: November is still open.
        Host.Clock.Advance(new DateTimeOffset(2026, 12, 10, 21, 0, 0, TimeSpan.Zero) - Host.Clock.GetUtcNow());
        Assert.Equal(0, (await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 2))).Ok().Corrections);
        Host.Clock.Advance(TimeSpan.FromHours(1)); // 11 December 00:00 in Kigali: closed
        Assert.Equal(1, (await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 3))).Ok().Corrections);
        Assert.Equal(1, await Host.CountAsync<CheckInCorrection>());
    }

    // ------------------------------------------------------------------ the draft

    [Fact]
    public async Task The_draft_is_prefilled_from_the_latest_earlier_month()
    {
        await Save(W.Amina, W.AminaHome, new Month(2026, 8), new CheckInInput(SavingsBalance: 1, Debts: 999));
        await Save(W.Amina, W.AminaHome, October, Full());
        var october = (await Get(W.Amina, W.AminaHome, October)).Ok();

        var draft = (await Draft(W.Amina, W.AminaHome, November)).Ok();

        Assert.True(draft.Prefilled);
        Assert.Null(draft.UpdatedAt);
        Assert.Equal("2026-11", draft.Month);
        Assert.Equal(october.Income, draft.Income);
        Assert.Equal(october.IncomeTotal, draft.IncomeTotal);
        Assert.Equal(october.SavingsBalance, draft.SavingsBalance);
        Assert.Equal(october.Debts, draft.Debts);
        Assert.Equal(october.Goals.Select(g => (g.GoalId, g.Name, g.Percent)), draft.Goals.Select(g => (g.GoalId, g.Name, g.Percent)));
        Assert.Equal(october.Needs, draft.Needs);
        Assert.Equal(october.Wants, draft.Wants);
        Assert.Equal(october.SharedWithGroup, draft.SharedWithGroup);
        Assert.Empty(draft.Help); // this month's help is this month's
        Assert.Null(draft.WhatsNew);
        Assert.Equal(0, await Host.Db(db => db.CheckIns.CountAsync(c => c.Period == November.Period))); // a draft saves nothing

        // Once November is saved, its draft is the saved check-in, not a prefill.
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 5));
        var saved = (await Draft(W.Amina, W.AminaHome, November)).Ok();
        Assert.False(saved.Prefilled);
        Assert.Equal(5, saved.SavingsBalance);
        Assert.Empty(saved.Income);
    }

    [Fact]
    public async Task A_first_draft_is_empty_and_shares_goals_and_needs_by_default()
    {
        var draft = (await Draft(W.Amina, W.AminaHome, November)).Ok();
        Assert.False(draft.Prefilled);
        Assert.Empty(draft.Income);
        Assert.Null(draft.SavingsBalance);
        Assert.Empty(draft.Goals);
        Assert.Equal(SharedParts.Goals | SharedParts.NeedsAndWants, draft.SharedWithGroup);
    }

    [Fact]
    public async Task A_draft_for_an_earlier_month_uses_only_months_before_it()
    {
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 11));
        await Save(W.Amina, W.AminaHome, new Month(2026, 8), new CheckInInput(SavingsBalance: 8));
        var september = (await Draft(W.Amina, W.AminaHome, new Month(2026, 9))).Ok();
        Assert.True(september.Prefilled);
        Assert.Equal(8, september.SavingsBalance);
    }

    // ------------------------------------------------------------------ orientation and neighbours

    [Fact]
    public async Task The_first_check_in_ticks_orientation_for_the_households_members()
    {
        var rosa = await Host.PersonAsync("Rosa");
        await Host.JoinAsync(rosa.Id, W.AminaHome);
        await Host.Db(async db =>
        {
            foreach (var p in new[] { W.Amina.Id, rosa.Id, W.Bosco.Id })
                db.Orientations.Add(new Orientation { PersonId = p, CommunityId = W.Kimironko.Id, StartedAt = Host.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        var first = Host.Clock.GetUtcNow();

        await Save(rosa, W.AminaHome, November, new CheckInInput(SavingsBalance: 1));
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Save(W.Amina, W.AminaHome, November, new CheckInInput(SavingsBalance: 2));

        var ticks = await Host.Db(db => db.Orientations.AsNoTracking().ToDictionaryAsync(o => o.PersonId, o => o.FirstCheckInAt));
        Assert.Equal(first, ticks[W.Amina.Id]);
        Assert.Equal(first, ticks[rosa.Id]);
        Assert.Null(ticks[W.Bosco.Id]); // another household
    }

    [Fact]
    public async Task Neighbours_are_the_own_group_and_households_named_before_never_itself_or_another_community()
    {
        var (_, umucyoThird) = await Host.MemberAsync(W.Kimironko.Id, W.Umucyo.Id, "Chantal");
        var (_, farAway) = await Host.MemberAsync(W.Kimironko.Id, null, "Eric");
        var none = (await Neighbours(W.Amina, W.AminaHome)).Ok();
        Assert.Equal(new[] { W.BoscoHome.Id, umucyoThird.Id }.Order(), none.Select(n => n.Id).Order());

        await Save(W.Amina, W.AminaHome, October, new CheckInInput(Help: [new(HelpDirection.Received, HelpKind.JobLead, W.JeanHome.Id, null, null)]));
        var after = (await Neighbours(W.Amina, W.AminaHome)).Ok();

        var ids = after.Select(n => n.Id).ToList();
        Assert.Equal(new[] { W.BoscoHome.Id, umucyoThird.Id, W.JeanHome.Id }.Order(), ids.Order());
        Assert.Equal(W.JeanHome.Id, ids[^1]); // own group first
        Assert.DoesNotContain(W.AminaHome.Id, ids);
        Assert.DoesNotContain(W.DoraHome.Id, ids);
        Assert.DoesNotContain(farAway.Id, ids);
        Assert.Equal(W.JeanHome.Name, after.Single(n => n.Id == W.JeanHome.Id).Name);

        // Jean's household did not name anyone: Amina's is not its neighbour for naming it once.
        var jeans = (await Neighbours(W.Jean, W.JeanHome)).Ok();
        Assert.DoesNotContain(W.AminaHome.Id, jeans.Select(n => n.Id));
    }

    private sealed class ViewComparer : IEqualityComparer<CheckInView>
    {
        public bool Equals(CheckInView? a, CheckInView? b) => a is not null && b is not null && Text(a) == Text(b);
        public int GetHashCode(CheckInView v) => Text(v).GetHashCode(StringComparison.Ordinal);

        private static string Text(CheckInView v) => string.Join("|", v.HouseholdId, v.Month, v.State, v.Currency,
            string.Join(",", v.Income), v.IncomeTotal, v.SavingsBalance, v.Debts, v.HealthRating, v.HealthNotes, v.EducationNotes, v.Housing,
            v.HousingNotes, v.LeadershipNotes, v.MeetingsLed, string.Join(",", v.Help), string.Join(",", v.Goals), string.Join(",", v.Needs),
            string.Join(",", v.Wants), v.NeedsNotes, v.WhatsNew, v.SharedWithGroup, v.Corrections, v.Prefilled);
    }
}
