using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Core.PersonalData;

public sealed record ClosedAccount(int HouseholdsLeft, int HouseholdsDeleted);

/// <summary>
/// A person closes their own account. The account row is deleted, not kept as a tombstone: with no
/// row there is nothing to sign in with and nothing a leftover cookie or token can load (a viewer for a
/// missing person is anonymous), and every page already shows "—" for a person who is not there.
/// Each feature erases or anonymises its own rows in its reaction to <see cref="PersonLeaving"/> (and,
/// for a household whose last member leaves, <see cref="HouseholdClosing"/>), all in one transaction:
/// <list type="bullet">
/// <item>Name, contacts, memberships, roles, orientation, follows, notifications, ambassador code and
/// the invitations they made go with the row.</item>
/// <item>A household they leave with other members keeps its check-ins, goals and projects; if it was
/// named after them (the default name), it takes the name of the next member (Communities).</item>
/// <item>A household whose last member leaves is deleted with its check-ins, goals and invitations. Its
/// projects nobody pledged to go with it. Projects with pledges stay, so supporters keep the record of
/// what they gave: owned by nobody (shown as a former member), paused (no new pledges), without photos.
/// Other households' check-ins that named it keep their help, with a dash for who it was with
/// (Communities, CheckIns, Projects).</item>
/// <item>Their pledges to others stay, anonymised: no supporter, no idempotency key, their identifiers
/// taken out of the reference; the ones not yet confirmed are withdrawn (nobody is left to keep them) (Projects).</item>
/// <item>Settled insights snapshots are kept: they hold only what the disclosure rules published.</item>
/// <item>The audit log gets one entry with no actor, subject or community, only counts.</item>
/// </list>
/// </summary>
public sealed class AccountClosure(MutuaDbContext db, UserManager<Person> users, Events events, TimeProvider clock)
{
    /// <summary>
    /// <paramref name="password"/> is checked when the account has one (every account made by signing up
    /// or by create-admin has); wrong ones count towards lockout like a sign-in. <paramref name="confirmed"/>
    /// is the person's explicit "yes, close it", needed always.
    /// </summary>
    public async Task<Outcome<ClosedAccount>> CloseAsync(Viewer viewer, string? password, bool confirmed, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.Forbidden;
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == viewer.PersonId, ct);
        if (person is null) return Failure.NotFound;
        if (!confirmed) return Failure.ConfirmationRequired;
        if (await users.IsLockedOutAsync(person)) return Failure.LockedOut;
        if (await users.HasPasswordAsync(person))
        {
            if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(person, password))
            {
                await users.AccessFailedAsync(person);
                return await users.IsLockedOutAsync(person) ? Failure.LockedOut : Failure.WrongPassword;
            }
        }
        // Somebody must still be able to run the installation.
        if (person.IsAdmin && !await db.Users.AnyAsync(u => u.IsAdmin && u.Id != person.Id, ct)) return Failure.LastAdmin;

        var id = person.Id;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Counted for the answer and the audit entry before the features change anything.
        var households = await db.HouseholdMembers.Where(m => m.PersonId == id)
            .Select(m => new { m.HouseholdId, Others = db.HouseholdMembers.Any(o => o.HouseholdId == m.HouseholdId && o.PersonId != id) })
            .ToListAsync(ct);
        var deleted = households.Count(h => !h.Others);

        await events.PublishAsync(new PersonLeaving(id, person.FirstName, IdentifiersOf(person), now), ct);

        // Every sign-in session of this person (cookies, access and refresh tokens) ends with the row: SignInSessions
        // cascade from AspNetUsers, and every request checks its session.
        // The rest goes with the row by cascade: memberships, roles, orientation (and buddy links: set null),
        // follows, notifications, ambassador code and shares, invitations they made, Identity claims/logins/tokens.
        await AccountRows.DeleteAsync(db, id, ct);

        db.ChangeTracker.Clear();
        db.Record(now, null, AuditActions.AccountClosed, detail: $"households left: {households.Count}; households deleted: {deleted}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ClosedAccount(households.Count, deleted);
    }

    /// <summary>What names or reaches the person: names, e-mail, the phone number with and without its country code.</summary>
    private static List<string> IdentifiersOf(Person p)
    {
        var list = new List<string?> { p.FullName, p.Email, p.PhoneNumber, p.PhoneNumber?.TrimStart('+') };
        list.AddRange((p.FullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        list.Add(p.FirstName);
        // A national number is the last nine digits in the countries Mutua serves (a leading 0 is often typed before them).
        if (p.PhoneNumber is { Length: > 9 } phone) list.Add(phone[^9..]);
        return list.OfType<string>().Where(s => s.Length >= 3).Distinct().OrderByDescending(s => s.Length).ToList();
    }
}
