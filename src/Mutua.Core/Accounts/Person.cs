using Microsoft.AspNetCore.Identity;

namespace Mutua.Core.Accounts;

/// <summary>
/// A person with an account. Others only ever see <see cref="FirstName"/>;
/// <see cref="FullName"/> stays private to the person (DESIGN §1).
/// </summary>
public sealed class Person : IdentityUser<Guid>
{
    public const int NameMaxLength = 60;
    public const int FullNameMaxLength = 120;

    public string FirstName { get; set; } = "";
    public string? FullName { get; set; }
    /// <summary>One of <see cref="Languages.Supported"/>.</summary>
    public string PreferredLanguage { get; set; } = Languages.Default;
    /// <summary>Runs the installation: communities, languages, settings.</summary>
    public bool IsAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// A phone number the person chose to give the newcomers they are buddy to (E.164), apart from the one
    /// they sign in with, which stays private. Null: not shared.
    /// </summary>
    public string? BuddyPhone { get; set; }
    /// <summary>The person told their newcomers they can be found at the group meeting.</summary>
    public bool BuddyAtGroupMeeting { get; set; }
}
