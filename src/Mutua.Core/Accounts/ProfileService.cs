using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Accounts;

public sealed record Profile(Guid Id, string FirstName, string? FullName, string? Email, string? PhoneNumber, string Language, bool IsAdmin);

public sealed record ProfileChange(string? FirstName, string? FullName, string? Language);

/// <summary>How the newcomers a person is buddy to may reach them: only what the person chose to share.</summary>
public sealed record BuddyContact(string? Phone, bool AtGroupMeeting);

/// <summary>A person's own details. Only they read their full name and contact details.</summary>
public sealed class ProfileService(MutuaDbContext db, Events events, TimeProvider clock)
{
    public async Task<Outcome<Profile>> GetAsync(Viewer viewer, CancellationToken ct = default)
    {
        var p = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == viewer.PersonId, ct);
        return p is null ? Failure.NotFound : ToProfile(p);
    }

    public async Task<Outcome<Profile>> UpdateAsync(Viewer viewer, ProfileChange change, CancellationToken ct = default)
    {
        var p = await db.Users.FirstOrDefaultAsync(u => u.Id == viewer.PersonId, ct);
        if (p is null) return Failure.NotFound;
        if (change.FirstName is not null)
        {
            var first = change.FirstName.Trim();
            if (first.Length == 0) return Failure.NameRequired;
            if (first.Length > Person.NameMaxLength) return Failure.NameTooLong;
            p.FirstName = first;
        }
        if (change.FullName is not null)
        {
            var full = change.FullName.Trim();
            if (full.Length > Person.FullNameMaxLength) return Failure.NameTooLong;
            p.FullName = full.Length == 0 ? null : full;
        }
        if (change.Language is not null)
        {
            if (!Languages.IsSupported(change.Language)) return Failure.InvalidLanguage;
            p.PreferredLanguage = change.Language;
        }
        // Saving one's profile ticks that step of one's orientation, in the same save.
        await events.PublishAsync(new ProfileSaved(p.Id, clock.GetUtcNow()), ct);
        await db.SaveChangesAsync(ct);
        return ToProfile(p);
    }

    public async Task<Outcome<BuddyContact>> GetBuddyContactAsync(Viewer viewer, CancellationToken ct = default)
    {
        var p = await db.Users.AsNoTracking().Where(u => u.Id == viewer.PersonId)
            .Select(u => new BuddyContact(u.BuddyPhone, u.BuddyAtGroupMeeting)).FirstOrDefaultAsync(ct);
        return p is null ? Failure.NotFound : p;
    }

    /// <summary>
    /// What the person shares with their newcomers. The phone is read as dialled in <paramref name="region"/> (the
    /// person's community's country); an empty one shares none. The number they sign in with is never shared by this.
    /// </summary>
    public async Task<Outcome<BuddyContact>> SetBuddyContactAsync(Viewer viewer, string? phone, bool atGroupMeeting, string? region,
        CancellationToken ct = default)
    {
        var p = await db.Users.FirstOrDefaultAsync(u => u.Id == viewer.PersonId, ct);
        if (p is null) return Failure.NotFound;
        string? number = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            number = ContactNumbers.Normalise(phone, region);
            if (number is null) return Failure.InvalidPhoneOrEmail;
        }
        p.BuddyPhone = number;
        p.BuddyAtGroupMeeting = atGroupMeeting;
        await db.SaveChangesAsync(ct);
        return new BuddyContact(number, atGroupMeeting);
    }

    private static Profile ToProfile(Person p) => new(p.Id, p.FirstName, p.FullName, p.Email, p.PhoneNumber, p.PreferredLanguage, p.IsAdmin);
}
