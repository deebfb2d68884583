namespace Mutua.Core.Communities;

/// <summary>A place-based hub: a town, a neighbourhood, a set of villages.</summary>
public sealed class Community
{
    public const int NameMaxLength = 100;
    public const int PlaceMaxLength = 100;

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

    public List<Group> Groups { get; set; } = [];
}
