using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.CheckIns;
using Mutua.Core.Communities;
using Mutua.Core.Insights;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Insights;

/// <summary>
/// How published months are kept: once per scope, with the winner's figures when two readers publish the same
/// month at once, for the right community and in its own time zone. The clock stands at 2026-11-23 in Kigali.
/// </summary>
public sealed class InsightsKeepingTests : WorldTests
{
    private static readonly Month September = new(2026, 9);
    private static readonly Month October = new(2026, 10);

    private readonly RivalReader rival = new();

    protected override void MoreServices(IServiceCollection services) =>
        services.ConfigureDbContext<MutuaDbContext>(o => o.AddInterceptors(rival));

    private async Task<CommunityInsights> Insights(Guid community, Month from, Month to, Guid? group = null) =>
        (await Host.Run<InsightsService, Outcome<CommunityInsights>>(async s =>
            await s.ForCommunityAsync(await As(W.Ada), community, from, to, group))).Ok();

    private Task<List<InsightsSnapshot>> Kept() => Host.Db(db => db.InsightsSnapshots.AsNoTracking().ToListAsync());

    private async Task FiveCheckIn(Guid group)
    {
        var back = Host.Clock.GetUtcNow() - new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);
        Host.Clock.Advance(-back);
        foreach (var name in new[] { "Alice", "Benoit", "Clarisse", "Didier", "Esperance" })
        {
            var (person, home) = await Host.MemberAsync(W.Kimironko.Id, group, name);
            (await Host.Run<CheckInService, Outcome<CheckInView>>(async s => await s.SaveAsync(await As(person), home.Id, October,
                new CheckInInput(Income: [new(IncomeSource.Job, 20_000)])))).Ok();
        }
        Host.Clock.Advance(back);
    }

    /// <summary>
    /// Another reader keeps one group's October between this reader's check of what is kept and its save: the save of
    /// the whole month fails on that row, the others are kept one by one, and this reader serves the other's figures.
    /// Run for each group, so the row taken first is in the middle of the month's rows once (community, group, group).
    /// </summary>
    [Theory]
    [InlineData("Umucyo")]
    [InlineData("Urumuri")]
    public async Task A_reader_that_loses_the_race_keeps_the_other_rows_and_serves_the_winners_figures(string groupName)
    {
        var taken = groupName == "Umucyo" ? W.Umucyo.Id : W.Urumuri.Id;
        await FiveCheckIn(W.Umucyo.Id);
        rival.TakeFirst = (W.Kimironko.Id, taken, October.Period);

        var served = Assert.Single((await Insights(W.Kimironko.Id, October, October, taken)).Months);

        Assert.True(rival.Took);
        var kept = await Kept();
        Assert.Equal(new[] { W.Kimironko.Id, W.Umucyo.Id, W.Urumuri.Id }.Order(), kept.Select(s => s.Scope).Order());
        Assert.Equal(RivalReader.Marker, served.Households.Value);
        Assert.Equal(RivalReader.Marker, InsightsSnapshot.Read(kept.Single(s => s.Scope == taken).Data).Households.Value);
        // The community's month is this reader's own, not the rival's.
        var community = (await Insights(W.Kimironko.Id, October, October)).Months[0].Households;
        Assert.False(community.Suppressed);
        Assert.NotEqual(RivalReader.Marker, community.Value);
    }

    [Fact]
    public async Task A_group_formed_after_a_month_was_published_keeps_its_month_without_touching_the_published_rows()
    {
        await FiveCheckIn(W.Umucyo.Id);
        var published = await Insights(W.Kimironko.Id, October, October);
        var before = await Kept();
        var later = await Host.GroupAsync(W.Kimironko.Id, "Abahizi");

        var month = Assert.Single((await Insights(W.Kimironko.Id, October, October, later.Id)).Months);

        Assert.True(month.Published);
        Assert.Equal(0, rival.FailedSaves);
        var after = await Kept();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(before.Select(s => (s.Id, s.Data)).Order(), after.Where(s => s.Scope != later.Id).Select(s => (s.Id, s.Data)).Order());
        Assert.Equal(published.Months[0].Households, (await Insights(W.Kimironko.Id, October, October)).Months[0].Households);
    }

    [Fact]
    public async Task Precomputing_a_community_is_not_stopped_by_another_communitys_kept_months()
    {
        Assert.Equal(2, await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Gulu.Id, 2)));

        var computed = await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 2));

        Assert.Equal(2, computed);
        var kept = await Kept();
        Assert.Equal([September.Period, October.Period], kept.Where(s => s.Scope == W.Kimironko.Id).Select(s => s.Period).Order());
        Assert.Equal([September.Period, October.Period], kept.Where(s => s.Scope == W.Gulu.Id).Select(s => s.Period).Order());
    }

    /// <summary>
    /// 12 November, 00:30 in Kampala, is still 11 November, 23:30 in Kigali: October is published in Gulu and not yet
    /// in Kimironko. Each community's months are settled in its own time zone.
    /// </summary>
    [Fact]
    public async Task Precomputing_settles_months_in_the_communitys_own_time_zone()
    {
        var at = new DateTimeOffset(2026, 11, 12, 0, 30, 0, TimeSpan.FromHours(3));
        Host.Clock.Advance(at - Host.Clock.GetUtcNow());

        await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 1));
        await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Gulu.Id, 1));

        var kept = await Kept();
        Assert.Equal([September.Period], kept.Where(s => s.CommunityId == W.Kimironko.Id).Select(s => s.Period).Distinct());
        Assert.Equal([October.Period], kept.Where(s => s.CommunityId == W.Gulu.Id).Select(s => s.Period).Distinct());
    }

    [Fact]
    public async Task Precomputing_no_months_keeps_the_last_settled_one_and_an_unknown_community_keeps_nothing()
    {
        Assert.Equal(0, await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(Guid.NewGuid(), 3)));
        Assert.Empty(await Kept());

        Assert.Equal(1, await Host.Run<InsightsService, int>(s => s.PrecomputeAsync(W.Kimironko.Id, 0)));
        Assert.Equal([October.Period], (await Kept()).Select(s => s.Period).Distinct());
    }

    [Theory]
    [InlineData("2026-11-11T23:59:00", false)] // the edit window closed a day ago less a minute
    [InlineData("2026-11-12T00:00:00", true)]
    public void A_month_is_published_a_day_after_its_edit_window_closes(string localKigali, bool published)
    {
        var now = new DateTimeOffset(DateTime.Parse(localKigali, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(2));

        Assert.Equal(published, InsightsService.IsSettled(October, now, "Africa/Kigali"));
        Assert.Equal(new DateOnly(2026, 11, 12), InsightsService.PublishedFrom(October));
    }

    [Fact]
    public async Task A_kept_month_that_holds_no_figures_is_an_error_not_an_empty_month()
    {
        await Insights(W.Kimironko.Id, October, October);
        await Host.Db(db => db.InsightsSnapshots.Where(s => s.Scope == W.Kimironko.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Data, "null")));

        await Assert.ThrowsAsync<InvalidDataException>(() => Insights(W.Kimironko.Id, October, October));
    }

    /// <summary>
    /// Plays another reader: right after this reader has looked at which of the month's rows are kept (and before it
    /// saves), keeps one of them itself, with a marker. It saves from outside any save: the SQLite group commit
    /// does not allow a save inside a save. Also counts saves that failed.
    /// </summary>
    private sealed class RivalReader : IDbCommandInterceptor, ISaveChangesInterceptor
    {
        public const long Marker = 77;
        public (Guid Community, Guid Scope, int Period)? TakeFirst { get; set; }
        public bool Took { get; private set; }
        public int FailedSaves { get; private set; }

        public async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            // The writer's look at what is kept reads scopes and periods by community; the readers of figures read "Data".
            if (TakeFirst is { } take && !Took && eventData.Context is { } db && command.CommandText.Contains("\"InsightsSnapshots\"")
                && command.CommandText.Contains("\"CommunityId\"") && !command.CommandText.Contains("\"Data\""))
            {
                Took = true;
                await using var other = new MutuaDbContext(TestHost.OptionsFor(db.Database.GetConnectionString()!));
                other.InsightsSnapshots.Add(new InsightsSnapshot
                {
                    CommunityId = take.Community, Scope = take.Scope, Period = take.Period, ComputedAt = DateTimeOffset.UnixEpoch,
                    Data = InsightsSnapshot.Write(MonthInsights.NotYet(take.Period) with { Published = true, Households = new Cell(Marker) }),
                });
                await other.SaveChangesAsync(cancellationToken);
            }
            return result;
        }

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            FailedSaves++;
            return Task.CompletedTask;
        }
    }
}
