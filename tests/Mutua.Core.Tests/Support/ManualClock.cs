namespace Mutua.Core.Tests.Support;

/// <summary>A clock the test moves by hand (FakeTimeProvider does not restore at 10.0.x here: 10.0.* resolves to 10.11.0).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate) now += by;
    }
}
