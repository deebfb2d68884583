namespace Mutua.Core.Communities;

/// <summary>A place-based hub: a town, a neighbourhood, a set of villages.</summary>
public sealed class Community
{
    public const int NameMaxLength = 100;
    public const int PlaceMaxLength = 100;
    public const int AgencyNameMaxLength = 120;
    public const int AgencyAboutMaxLength = 400;
    public const int AgencyContactMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2, e.g. "RW"; also the default region for phone numbers.</summary>
    public string Country { get; set; } = "";
    public string DefaultLanguage { get; set; } = "en";
    /// <summary>ISO 4217, e.g. "RWF".</summary>
    public string Currency { get; set; } = "";
    /// <summary>IANA time zone id, e.g. "Africa/Kigali". Months are counted in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset CreatedAt { get; set; }

    // The sponsoring agency (a local NGO, a church, a city office) that supports the community and verifies its
    // projects: shown to the community's people, and its name on projects that wait for verification.
    public string? AgencyName { get; set; }
    /// <summary>What the agency does, in a sentence or two.</summary>
    public string? AgencyAbout { get; set; }
    /// <summary>Whom to contact there and how ("Agnès, at the office by the market, Tuesdays").</summary>
    public string? AgencyContact { get; set; }

    public List<Group> Groups { get; set; } = [];
}
