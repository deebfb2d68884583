using Microsoft.AspNetCore.Identity;
using Mutua.Core.Auditing;

namespace Mutua.Core.Accounts;

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A person changes their own password; whoever else was signed in as them is signed out.</summary>
public sealed class PasswordService(MutuaDbContext db, UserManager<Person> users, SessionService sessions, TimeProvider clock)
{
    /// <summary>
    /// Changes the password and ends every session of the person but <paramref name="keep"/> (the
    /// device the change was made on): a password is changed because someone else may know it.
    /// </summary>
    public async Task<Outcome<bool>> ChangeAsync(Viewer viewer, PasswordChange change, Guid? keep, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) return Failure.NotFound;
        var person = await users.FindByIdAsync(viewer.PersonId.ToString());
        if (person is null) return Failure.NotFound;
        if (string.IsNullOrEmpty(change.CurrentPassword) || !await users.CheckPasswordAsync(person, change.CurrentPassword))
        {
            // Counts toward the lockout like a wrong password at sign-in, so a borrowed phone cannot guess it either.
            await users.AccessFailedAsync(person);
            return Failure.WrongPassword;
        }
        var changed = await users.ChangePasswordAsync(person, change.CurrentPassword, change.NewPassword ?? "");
        if (!changed.Succeeded) return Failure.WeakPassword;
        await sessions.EndAllOfAsync(person.Id, keep, ct);
        db.Record(clock.GetUtcNow(), person.Id, AuditActions.PasswordChanged, subject: person.Id);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
