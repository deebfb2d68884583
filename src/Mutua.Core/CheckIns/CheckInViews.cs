namespace Mutua.Core.CheckIns;

public sealed record IncomeEntry(IncomeSource Source, long Amount);

/// <summary>Help given or received: another household of the community, or someone outside described in words.</summary>
public sealed record HelpEntry(HelpDirection Direction, HelpKind Kind, Guid? OtherHouseholdId, string? OtherDescription, long? Value);

/// <summary>An existing goal's progress (and optional new name), or a new goal when <see cref="GoalId"/> is null.</summary>
public sealed record GoalEntry(Guid? GoalId, string? Name, int? Percent);

/// <summary>What a household records for a month. Every part may be left out.</summary>
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

/// <summary>A household's check-in for one month, as its own members see it.</summary>
public sealed record CheckInView(
    Guid HouseholdId, string Month, MonthState State, string Currency,
    IReadOnlyList<IncomeEntry> Income, long? IncomeTotal, long? SavingsBalance, long? Debts,
    int? HealthRating, string? HealthNotes, string? EducationNotes, HousingSituation? Housing, string? HousingNotes,
    string? LeadershipNotes, int? MeetingsLed, IReadOnlyList<HelpView> Help, IReadOnlyList<GoalView> Goals,
    IReadOnlyList<NeedCategory> Needs, IReadOnlyList<NeedCategory> Wants, string? NeedsNotes, string? WhatsNew,
    SharedParts SharedWithGroup, DateTimeOffset? UpdatedAt, int Corrections, bool Prefilled);

public sealed record CheckInListItem(string Month, long? IncomeTotal, long? SavingsBalance, long? Debts, bool GaveHelp,
    bool ReceivedHelp, DateTimeOffset UpdatedAt, int Corrections);

/// <summary>A household another household can name as helped or helping: first names only.</summary>
public sealed record HouseholdChoice(Guid Id, string Name);
