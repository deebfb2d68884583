namespace Mutua.Core.CheckIns;

public sealed record IncomeEntry(IncomeSource Source, long Amount);

/// <summary>Help given or received: another household of the community, or someone outside described in words.</summary>
public sealed record HelpEntry(HelpDirection Direction, HelpKind Kind, Guid? OtherHouseholdId, string? OtherDescription, long? Value);

/// <summary>An existing goal's progress (and optional new name), or a new goal when <see cref="GoalId"/> is null.</summary>
public sealed record GoalEntry(Guid? GoalId, string? Name, int? Percent);

/// <summary>
/// What a household records for a month. Every part may be left out. Also the body of the API's PUT,
/// so its constructor stays (JSON binds to it); every construction site names its arguments.
/// </summary>
public sealed record CheckInInput(
    IReadOnlyList<IncomeEntry>? Income = null,
    long? SavingsBalance = null,
    long? Debts = null,
    int? HealthRating = null,
    string? HealthNotes = null,
    string? EducationNotes = null,
    HousingSituation? Housing = null,
    string? HousingNotes = null,
    string? LeadershipNotes = null,
    int? MeetingsLed = null,
    IReadOnlyList<HelpEntry>? Help = null,
    IReadOnlyList<GoalEntry>? Goals = null,
    IReadOnlyList<NeedCategory>? Needs = null,
    IReadOnlyList<NeedCategory>? Wants = null,
    string? NeedsNotes = null,
    string? WhatsNew = null,
    SharedParts SharedWithGroup = SharedParts.None);

public sealed record HelpView(HelpDirection Direction, HelpKind Kind, Guid? OtherHouseholdId, string? OtherHouseholdName,
    string? OtherDescription, long? Value);

public sealed record GoalView(Guid GoalId, string Name, int? Percent);

/// <summary>
/// A household's check-in for one month, as its own members see it. Built with an object initialiser,
/// property by property (25 values side by side are too easy to swap).
/// </summary>
public sealed record CheckInView
{
    public Guid HouseholdId { get; init; }
    public string Month { get; init; } = "";
    public MonthState State { get; init; }
    public string Currency { get; init; } = "";
    public IReadOnlyList<IncomeEntry> Income { get; init; } = [];
    public long? IncomeTotal { get; init; }
    public long? SavingsBalance { get; init; }
    public long? Debts { get; init; }
    public int? HealthRating { get; init; }
    public string? HealthNotes { get; init; }
    public string? EducationNotes { get; init; }
    public HousingSituation? Housing { get; init; }
    public string? HousingNotes { get; init; }
    public string? LeadershipNotes { get; init; }
    public int? MeetingsLed { get; init; }
    public IReadOnlyList<HelpView> Help { get; init; } = [];
    public IReadOnlyList<GoalView> Goals { get; init; } = [];
    public IReadOnlyList<NeedCategory> Needs { get; init; } = [];
    public IReadOnlyList<NeedCategory> Wants { get; init; } = [];
    public string? NeedsNotes { get; init; }
    public string? WhatsNew { get; init; }
    public SharedParts SharedWithGroup { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public int Corrections { get; init; }
    public bool Prefilled { get; init; }
}

public sealed record CheckInListItem(string Month, long? IncomeTotal, long? SavingsBalance, long? Debts, bool GaveHelp,
    bool ReceivedHelp, DateTimeOffset UpdatedAt, int Corrections);

/// <summary>A household another household can name as helped or helping: first names only.</summary>
public sealed record HouseholdChoice(Guid Id, string Name);
