using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mutua.Core.Savings;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Savings;

/// <summary>The roll-up reads the journal in a fixed number of queries, however many groups there are (no query per group).</summary>
public sealed class SavingsRollUpQueryTests : SavingsTestBase
{
    private readonly CommandCounter counter = new();

    protected override void MoreServices(IServiceCollection services) =>
        services.ConfigureDbContext<MutuaDbContext>(o => o.AddInterceptors(counter));

    private async Task<int> QueriesAsync()
    {
        var viewer = await As(W.Claude);
        counter.Count = 0;
        (await Host.Run<SavingsRollUp, Outcome<SavingsRollUpView>>(s => s.RollUpAsync(viewer, W.Kimironko.Id))).Ok();
        return counter.Count;
    }

    /// <summary>A group with shares, a loan and attendance at two meetings.</summary>
    private async Task BusyGroupAsync(string name)
    {
        var g = await GroupAsync(name: name);
        var all = People.Take(10).Select(p => p.Id).ToList();
        var date = Today;
        (await Meet(W.Amina, g.Id, new MeetingInput(date, 25_000, [.. all.Select(p => new AttendanceInput(p, Attendance.InPerson))],
            Shares: [.. all.Select(p => new SharesInput(p, 5))]))).Ok();
        (await Meet(W.Amina, g.Id, new MeetingInput(date, 24_000, [.. all.Select(p => new AttendanceInput(p, Attendance.Absent))],
            Loans: [new LoanRequestInput(all[1], 1_000, 1)]))).Ok();
    }

    [Fact]
    public async Task One_group_or_four_take_the_same_number_of_queries()
    {
        await BusyGroupAsync("One");
        var one = await QueriesAsync();
        foreach (var name in new[] { "Two", "Three", "Four" }) await BusyGroupAsync(name);
        var four = await QueriesAsync();
        Assert.Equal(one, four);
        Assert.InRange(four, 1, 12);
        Assert.Equal(4, Assert.Single((await Host.Run<SavingsRollUp, Outcome<SavingsRollUpView>>(async s =>
            await s.RollUpAsync(await As(W.Claude), W.Kimironko.Id))).Ok().Community).Groups.Value);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count++;
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
