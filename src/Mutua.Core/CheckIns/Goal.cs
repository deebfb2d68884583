namespace Mutua.Core.CheckIns;

/// <summary>A goal the household set for itself, in its own words.</summary>
public sealed class Goal
{
    public const int NameMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>How far a goal came by the end of a month, 0–100 %.</summary>
public sealed class GoalProgress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CheckInId { get; set; }
    public Guid GoalId { get; set; }
    public Goal? Goal { get; set; }
    public int Percent { get; set; }
}

/// <summary>A change to a month after it closed: who, when, and which parts.</summary>
public sealed class CheckInCorrection
{
    public long Id { get; set; }
    public Guid CheckInId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ById { get; set; }
    public string Summary { get; set; } = "";
}
