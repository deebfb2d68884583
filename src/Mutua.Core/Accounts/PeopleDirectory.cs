using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Accounts;

/// <summary>
/// The countries a phone number typed without its country code is read in: those Mutua has communities
/// in. Communities knows them; Accounts, which Communities builds on, only asks.
/// </summary>
public interface IPhoneRegions
{
    /// <summary>ISO 3166 two-letter codes, each once.</summary>
    Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct);
}

/// <summary>Finds a person by what they type to sign in: an e-mail address or a phone number.</summary>
public sealed class PeopleDirectory(MutuaDbContext db, UserManager<Person> users, IPhoneRegions phoneRegions)
{
    public async Task<Person?> FindByLoginAsync(string? login, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(login)) return null;
        login = login.Trim();
        if (ContactNumbers.LooksLikeEmail(login)) return await users.FindByEmailAsync(login);

        // A number typed without its country code is read in each country Mutua has communities in.
        var regions = await phoneRegions.CountriesAsync(ct);
        var candidates = regions.Append("ZZ").Select(r => ContactNumbers.Normalise(login, r)).OfType<string>().Distinct().ToList();
        if (candidates.Count == 0) return null;
        var matches = await db.Users.Where(u => candidates.Contains(u.PhoneNumber!)).Take(2).ToListAsync(ct);
        // Two people whose local numbers read alike in different countries must use the +country form.
        return matches.Count == 1 ? matches[0] : null;
    }
}
