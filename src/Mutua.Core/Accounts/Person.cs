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
}
