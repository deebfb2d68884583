using Microsoft.EntityFrameworkCore;
using Mutua.Core.Accounts;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Accounts;

/// <summary>
/// Creating an account from what a person typed (joining with a code, or signing up as a supporter): the limits on
/// names and addresses at their edges, the language kept or defaulted, and what a taken sign-in name answers.
/// </summary>
public sealed class AccountCreationTests : HostTests
{
    private const string Password = "a long passphrase";

    private Task<Outcome<Person>> CreateAsync(SignUp input, string defaultLanguage = "en", string country = "US") =>
        Host.Run<AccountCreation, Outcome<Person>>(a => a.CreateAsync(input, defaultLanguage, country));

    private static SignUp Grace(string? login = "grace@example.org", string? firstName = "Grace", string? fullName = null, string? language = null) =>
        new(firstName, fullName, login, Password, language);

    [Fact]
    public async Task Names_may_be_as_long_as_the_limit_and_no_longer()
    {
        (await CreateAsync(Grace("a@example.org", firstName: new string('G', Person.NameMaxLength)))).Ok();
        (await CreateAsync(Grace("b@example.org", firstName: new string('G', Person.NameMaxLength + 1)))).Fails(Failure.NameTooLong);
        (await CreateAsync(Grace("c@example.org", fullName: new string('M', Person.FullNameMaxLength)))).Ok();
        (await CreateAsync(Grace("d@example.org", fullName: new string('M', Person.FullNameMaxLength + 1)))).Fails(Failure.NameTooLong);
        (await CreateAsync(Grace("e@example.org", firstName: "   "))).Fails(Failure.NameRequired);
        Assert.Equal(2, await Host.CountAsync<Person>());
    }

    [Fact]
    public async Task An_address_of_254_characters_is_taken_and_one_of_255_is_not()
    {
        static string Address(int length) => new string('g', length - "@example.org".Length) + "@example.org";
        var person = (await CreateAsync(Grace(Address(254)))).Ok();
        Assert.Equal(Address(254), person.Email);
        (await CreateAsync(Grace(Address(255)))).Fails(Failure.InvalidPhoneOrEmail);
        (await CreateAsync(Grace("Grace <grace@example.org>"))).Fails(Failure.InvalidPhoneOrEmail);
    }

    [Fact]
    public async Task The_sign_in_name_is_the_address_or_the_number_in_full()
    {
        var byMail = (await CreateAsync(Grace(" grace@example.org ", language: "sw"))).Ok();
        Assert.Equal(("grace@example.org", "grace@example.org", (string?)null), (byMail.UserName, byMail.Email, byMail.PhoneNumber));
        Assert.Equal("sw", byMail.PreferredLanguage);

        var byPhone = (await CreateAsync(Grace("0788 123 456", language: "xx"), defaultLanguage: "rw", country: "RW")).Ok();
        Assert.Equal(("+250788123456", (string?)null, "+250788123456"), (byPhone.UserName, byPhone.Email, byPhone.PhoneNumber));
        Assert.Equal("rw", byPhone.PreferredLanguage);
        Assert.Null(byPhone.FullName);
    }

    [Fact]
    public async Task A_sign_in_name_already_taken_is_said_to_be_taken()
    {
        (await CreateAsync(Grace())).Ok();
        (await CreateAsync(Grace("GRACE@example.org"))).Fails(Failure.PhoneOrEmailTaken);
        // Someone whose sign-in name is that address without it being their e-mail (an older account): Identity refuses
        // the duplicate name, and that too reads as taken, not as a bad address or a weak password.
        await Host.PersonAsync("Older", email: null, phone: null);
        await Host.Db(db => db.Users.Where(u => u.FirstName == "Older")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UserName, "amani@example.org").SetProperty(u => u.NormalizedUserName, "AMANI@EXAMPLE.ORG")));
        (await CreateAsync(Grace("amani@example.org"))).Fails(Failure.PhoneOrEmailTaken);
        (await CreateAsync(Grace("zawadi@example.org") with { Password = "short" })).Fails(Failure.WeakPassword);
        Assert.Equal(2, await Host.CountAsync<Person>());
    }
}
