using Mutua.Core.CheckIns;

namespace Mutua.Web.Pages.CheckIns;

/// <summary>
/// The check-in form as posted: amounts as typed (read in the person's language), a fixed number of
/// rows for help and new goals so the page works without JavaScript.
/// </summary>
public sealed class CheckInForm
{
    public const int HelpRowsPerDirection = 2;
    public const int NewGoalRows = 2;

    public Dictionary<IncomeSource, string?> Income { get; set; } = [];
    /// <summary>A name typed to find a household outside the usual list.</summary>
    public string? Find { get; set; }
    public string? Savings { get; set; }
    public string? Debts { get; set; }
    public int? HealthRating { get; set; }
    public string? HealthNotes { get; set; }
    public string? EducationNotes { get; set; }
    public HousingSituation? Housing { get; set; }
    public string? HousingNotes { get; set; }
    public string? LeadershipNotes { get; set; }
    public int? MeetingsLed { get; set; }
    public List<HelpRow> Help { get; set; } = [];
    public List<GoalRow> Goals { get; set; } = [];
    public List<NeedCategory> Needs { get; set; } = [];
    public List<NeedCategory> Wants { get; set; } = [];
    public string? NeedsNotes { get; set; }
    public string? WhatsNew { get; set; }
    public List<SharedParts> Shared { get; set; } = [];
    /// <summary>The person ticked that amounts far from the ones saved before are right.</summary>
    public bool AmountsChecked { get; set; }
}

public sealed class HelpRow
{
    public HelpDirection Direction { get; set; }
    /// <summary>A household id, or "outside" for someone outside the community.</summary>
    public string? Who { get; set; }
    public string? Outside { get; set; }
    public HelpKind? Kind { get; set; }
    public string? Value { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Who) && string.IsNullOrWhiteSpace(Outside) && Kind is null;
}

public sealed class GoalRow
{
    public Guid? GoalId { get; set; }
    public string? Name { get; set; }
    public int? Percent { get; set; }
}
