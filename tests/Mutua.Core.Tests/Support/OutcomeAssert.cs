namespace Mutua.Core.Tests.Support;

public static class OutcomeAssert
{
    /// <summary>The value of a call that must have succeeded; fails the test with the failure otherwise.</summary>
    public static T Ok<T>(this Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, $"expected success, got {outcome.Failure}");
        return outcome.Value!;
    }

    public static void Fails<T>(this Outcome<T> outcome, Failure expected)
    {
        Assert.False(outcome.Succeeded, $"expected {expected}, but the call succeeded");
        Assert.Equal(expected, outcome.Failure);
    }
}
