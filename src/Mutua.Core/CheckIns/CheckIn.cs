namespace Mutua.Core.CheckIns;

/// <summary>
/// A household's monthly journal (DESIGN §2 item 2). The summary columns (income total, savings,
/// debts, needs and wants as bit masks, whether help was given or received) are what insights scan,
/// so an aggregate over a community reads one table.
/// </summary>
public sealed class CheckIn
{
    public const int NotesMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; set; }
    public Guid CommunityId { get; set; }
    /// <summary>The household's group when it checked in; groups change, past months don't.</summary>
    public Guid? GroupId { get; set; }
    /// <summary>Year × 100 + month, e.g. 202611: sorts and ranges like the month it names.</summary>
    public int Period { get; set; }
    public string Currency { get; set; } = "";

    public long? IncomeTotal { get; set; }
    public long? SavingsBalance { get; set; }
    public long? Debts { get; set; }
    /// <summary>1 (very poor) to 5 (very good), as the household sees it.</summary>
    public int? HealthRating { get; set; }
    public string? HealthNotes { get; set; }
    public string? EducationNotes { get; set; }
    public HousingSituation? Housing { get; set; }
    public string? HousingNotes { get; set; }
    public string? LeadershipNotes { get; set; }
    public int? MeetingsLed { get; set; }
    public int NeedsMask { get; set; }
    public int WantsMask { get; set; }
    public string? NeedsNotes { get; set; }
    public bool GaveHelp { get; set; }
    public bool ReceivedHelp { get; set; }
    public string? WhatsNew { get; set; }
    public SharedParts SharedWithGroup { get; set; } = SharedParts.None;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid RecordedById { get; set; }
    /// <summary>Changes made after the month closed; each one is also in <see cref="CheckInCorrection"/>.</summary>
    public int Corrections { get; set; }
    /// <summary>Counts the writes: a save that read an older version finds it changed and saves again.</summary>
    public int Version { get; set; }

    public List<IncomeLine> Income { get; set; } = [];
    public List<HelpExchange> Help { get; set; } = [];
    public List<GoalProgress> Goals { get; set; } = [];
}

public enum IncomeSource { Job = 1, OwnBusiness = 2, Benefits = 3, GiftsOrRemittances = 4, Other = 5 }

public sealed class IncomeLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CheckInId { get; set; }
    public IncomeSource Source { get; set; }
    public long Amount { get; set; }
}

public enum HousingSituation { Owned = 1, Rented = 2, WithFamily = 3, Informal = 4, Homeless = 5, Other = 6 }

public enum HelpDirection { Given = 1, Received = 2 }

public enum HelpKind { Childcare = 1, Transport = 2, Money = 3, Food = 4, SkillOrAdvice = 5, JobLead = 6, Housing = 7, Other = 8 }

/// <summary>
/// Help given to or received from another household (named only to its own household and in
/// aggregates) or a person outside, described in free text.
/// </summary>
public sealed class HelpExchange
{
    public const int DescriptionMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CheckInId { get; set; }
    public HelpDirection Direction { get; set; }
    public Guid? OtherHouseholdId { get; set; }
    public string? OtherDescription { get; set; }
    public HelpKind Kind { get; set; }
    public long? Value { get; set; }
}

/// <summary>The categories of needs and wants; each is one bit of <see cref="CheckIn.NeedsMask"/>.</summary>
public enum NeedCategory
{
    Childcare = 0, Transport = 1, ToolsOrEquipment = 2, Training = 3, BusinessCapital = 4, HousingRepair = 5,
    HealthCare = 6, SchoolCosts = 7, LegalHelp = 8, Food = 9, Other = 10,
}

/// <summary>What a household lets its group see; everything else stays with the household.</summary>
[Flags]
public enum SharedParts
{
    None = 0,
    Goals = 1,
    NeedsAndWants = 2,
    Income = 4,
    Savings = 8,
    Health = 16,
    Education = 32,
    Housing = 64,
    Leadership = 128,
    Connections = 256,
    WhatsNew = 512,
}
