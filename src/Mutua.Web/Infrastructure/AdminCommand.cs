using Microsoft.AspNetCore.Identity;
using Mutua.Core;
using Mutua.Core.Accounts;
using Mutua.Core.Auditing;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// `dotnet run --project src/Mutua.Web -- create-admin --login a@b.org --password "…" [--first-name Ana]`:
/// the first admin of an installation, since outside demo mode there is no default account.
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var login = Arg("--login");
        var password = Arg("--password");
        var firstName = Arg("--first-name") ?? "Admin";
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --login <e-mail or +phone> --password <at least 8 characters> [--first-name <name>]");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var db = scope.ServiceProvider.GetRequiredService<MutuaDbContext>();
        var email = ContactNumbers.LooksLikeEmail(login) ? login : null;
        var phone = email is null ? ContactNumbers.Normalise(login, null) : null;
        if (email is null && phone is null)
        {
            await Console.Error.WriteLineAsync("The login must be an e-mail address or a phone number starting with + and the country code.");
            return 2;
        }
        var person = new Person
        {
            UserName = email ?? phone, Email = email, PhoneNumber = phone, FirstName = firstName,
            IsAdmin = true, CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = email is not null,
        };
        var result = await users.CreateAsync(person, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e.Description);
            return 1;
        }
        db.Record(DateTimeOffset.UtcNow, person.Id, AuditActions.AdminCreated, subject: person.Id, detail: "create-admin command");
        await db.SaveChangesAsync();
        Console.WriteLine($"Admin {login} created. Sign in at /Account/Login.");
        return 0;
    }
}
