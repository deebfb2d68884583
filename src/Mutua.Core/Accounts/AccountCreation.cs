using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Accounts;

/// <summary>What a person types to create an account.</summary>
public sealed record SignUp(string? FirstName, string? FullName, string? Login, string? Password, string? Language);

/// <summary>
/// Creating a person's account from what they typed: joining a community with a code, or signing up as a supporter of
/// a project (a funder, a friend of an ambassador, a neighbour) with no household at all.
/// </summary>
public sealed class AccountCreation(MutuaDbContext db, UserManager<Person> users, TimeProvider clock)
{
    /// <summary>
    /// Checks what was typed and creates the person. A phone number is read as the <paramref name="country"/> writes it
    /// ("0788 123 456" in Rwanda); the language defaults to <paramref name="defaultLanguage"/>. Callers that do more in the
    /// same step (joining a household) wrap this in their transaction.
    /// </summary>
    public async Task<Outcome<Person>> CreateAsync(SignUp input, string defaultLanguage, string country, CancellationToken ct = default)
    {
        var firstName = input.FirstName?.Trim() ?? "";
        if (firstName.Length == 0) return Failure.NameRequired;
        var fullName = input.FullName?.Trim();
        if (firstName.Length > Person.NameMaxLength || fullName is { Length: > Person.FullNameMaxLength }) return Failure.NameTooLong;
        var language = Languages.IsSupported(input.Language) ? input.Language! : defaultLanguage;
        // Stryker disable once String : any text that is neither an address nor a number is refused the same way as none
        var login = input.Login?.Trim() ?? "";
        string? email = null, phone = null;
        if (ContactNumbers.LooksLikeEmail(login))
        {
            // A bare address only: "Grace <grace@example.org>" parses as mail, but is not a sign-in name.
            if (login.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(login, out var address) || address.Address != login)
                return Failure.InvalidPhoneOrEmail;
            email = login;
        }
        else
        {
            phone = ContactNumbers.Normalise(login, country);
            if (phone is null) return Failure.InvalidPhoneOrEmail;
        }
        if (email is not null && await users.FindByEmailAsync(email) is not null) return Failure.PhoneOrEmailTaken;
        if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone, ct)) return Failure.PhoneOrEmailTaken;

        var person = new Person
        {
            // Stryker disable once NullCoalescing : exactly one of the two is set
            UserName = email ?? phone, Email = email, PhoneNumber = phone, FirstName = firstName,
            FullName = string.IsNullOrEmpty(fullName) ? null : fullName, PreferredLanguage = language, CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, person, input.Password ?? "")).Succeeded) return Failure.WeakPassword;
        }
        var created = await users.CreateAsync(person, input.Password!);
        if (!created.Succeeded)
        {
            // The password was checked above, and every character is allowed in a name: what Identity can still refuse is a
            // sign-in name another account holds (tested). Anything else it may refuse one day reads as a bad address.
            // Stryker disable once all : no other refusal can be made to happen after the checks above
            return created.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal)) ? Failure.PhoneOrEmailTaken
                : Failure.InvalidPhoneOrEmail;
        }
        return person;
    }
}
