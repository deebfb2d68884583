using Mutua.Core.CheckIns;
using Mutua.Core.Insights;

namespace Mutua.Core.Tests.Insights;

/// <summary>The shares of households that gave and received help (mutation testing found no test of either value).</summary>
public sealed class HelpSharesTests
{
    [Fact]
    public void The_shares_who_gave_and_who_received_help_are_counted_apart()
    {
        // 20 households checked in: 6 gave, 8 received, 2 of them both.
        var facts = Enumerable.Range(0, 20).Select(i => new CheckInFacts(202603, null, null, 0, 0, GaveHelp: i < 6, ReceivedHelp: i >= 4 && i < 12, null)).ToList();

        var m = Assert.Single(InsightsKernel.Compute(facts, [(202603, 20)]));

        Assert.Equal(new Cell(30), m.GavePercent);
        Assert.Equal(new Cell(40), m.ReceivedPercent);
    }
}
