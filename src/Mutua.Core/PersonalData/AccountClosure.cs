using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;
using Mutua.Core.Communities;
using Mutua.Core.Projects;

namespace Mutua.Core.PersonalData;

public sealed record ClosedAccount(int HouseholdsLeft, int HouseholdsDeleted);

/// <summary>
/// A person closes their own account. The account row is deleted, not kept as a tombstone: with no
/// row there is nothing to sign in with and nothing a leftover cookie or token can load (a viewer for a
/// missing person is anonymous), and every page already shows "—" for a person who is not there.
/// <list type="bullet">
/// <item>Name, contacts, memberships, roles, orientation, follows, notifications, ambassador code and
/// the invitations they made go with the row.</item>
/// <item>A household they leave with other members keeps its check-ins, goals and projects; if it was
/// named after them (the default name), it takes the name of the next member.</item>
/// <item>A household whose last member leaves is deleted with its check-ins, goals and invitations. Its
/// projects nobody pledged to go with it. Projects with pledges stay, so supporters keep the record of
/// what they gave: owned by nobody (shown as a former member), paused (no new pledges), without photos.
/// Other households' check-ins that named it keep their help, with a dash for who it was with.</item>
/// <item>Their pledges to others stay, anonymised: no supporter, no idempotency key, their identifiers
/// taken out of the reference; the ones not yet confirmed are withdrawn (nobody is left to keep them).</item>
/// <item>Settled insights snapshots are kept: they hold only what the disclosure rules published.</item>
/// <item>The audit log gets one entry with no actor, subject or community, only counts.</item>
/// </list>
/// </summary>
public sealed class AccountClosure(MutuaDbContext db, UserManager<Person> users, TimeProvider clock)
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
        var identifiers = IdentifiersOf(person);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var households = await db.HouseholdMembers.Where(m => m.PersonId == id).Select(m => m.HouseholdId).ToListAsync(ct);
        var deleted = 0;
        foreach (var householdId in households)
        {
            var next = await db.HouseholdMembers.Where(m => m.HouseholdId == householdId && m.PersonId != id)
                .OrderBy(m => m.JoinedAt).Select(m => m.Person!.FirstName).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                await DeleteHouseholdAsync(householdId, ct);
                deleted++;
            }
            else
            {
                await db.Households.Where(h => h.Id == householdId && h.Name == person.FirstName)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Name, next), ct);
            }
        }

        await AnonymisePledgesAsync(id, identifiers, now, ct);
        // Someone else's invitation that was named for them ("Amina's family") keeps no name.
        await db.Invitations.Where(i => i.RedeemedById == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedById, (Guid?)null).SetProperty(i => i.NewHouseholdName, (string?)null), ct);

        // Every sign-in session of this person (cookies, access and refresh tokens) ends with the row: SignInSessions
        // cascade from AspNetUsers, and every request checks its session.
        // The rest goes with the row by cascade: memberships, roles, orientation (and buddy links: set null),
        // follows, notifications, ambassador code and shares, invitations they made, Identity claims/logins/tokens.
        await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(ct);

        db.ChangeTracker.Clear();
        db.Record(now, null, AuditActions.AccountClosed, detail: $"households left: {households.Count}; households deleted: {deleted}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ClosedAccount(households.Count, deleted);
    }

    private async Task DeleteHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        // The help happened; who it was with is gone. A dash keeps the other household's row valid when it edits that month.
        await db.HelpExchanges.Where(x => x.OtherHouseholdId == householdId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OtherHouseholdId, (Guid?)null).SetProperty(x => x.OtherDescription, "—"), ct);
        // Income, help, goal progress and corrections go with their check-ins.
        await db.CheckIns.Where(c => c.HouseholdId == householdId).ExecuteDeleteAsync(ct);
        await db.Goals.Where(g => g.HouseholdId == householdId).ExecuteDeleteAsync(ct);

        var pledged = db.Projects.Where(p => p.HouseholdId == householdId && db.Pledges.Any(x => x.ProjectId == p.Id));
        await db.ProjectPhotos.Where(photo => pledged.Any(p => p.Id == photo.ProjectId)).ExecuteDeleteAsync(ct);
        await pledged.Where(p => p.Status == ProjectStatus.Published).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Paused), ct);
        await pledged.ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, (Guid?)null), ct);
        // The rest nobody else has a stake in: needs, updates, photos and follows go with them.
        await db.Projects.Where(p => p.HouseholdId == householdId).ExecuteDeleteAsync(ct);
        // Its memberships and the invitations into it go with the household.
        await db.Households.Where(h => h.Id == householdId).ExecuteDeleteAsync(ct);
    }

    private async Task AnonymisePledgesAsync(Guid id, IReadOnlyList<string> identifiers, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Pledges.Where(p => p.PersonId == id && p.Status == PledgeStatus.Pledged).Select(p => p.ProjectId).Distinct().ToListAsync(ct);
        await db.Pledges.Where(p => p.PersonId == id && p.Status == PledgeStatus.Pledged)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PledgeStatus.Withdrawn).SetProperty(p => p.WithdrawnAt, now), ct);
        // A transfer reference is the owner's receipt, but it may carry the sender's name or number.
        var referenced = await db.Pledges.Where(p => p.PersonId == id && p.Reference != null).ToListAsync(ct);
        foreach (var pledge in referenced) pledge.Reference = Without(pledge.Reference!, identifiers);
        await db.SaveChangesAsync(ct);
        await db.Pledges.Where(p => p.PersonId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, (Guid?)null).SetProperty(p => p.IdempotencyKey, (string?)null), ct);
        foreach (var project in open) await ProjectService.RankingOf(db).RecomputeAsync(project, ct);
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

    private static string Without(string text, IReadOnlyList<string> identifiers)
    {
        foreach (var identifier in identifiers) text = text.Replace(identifier, "…", StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
