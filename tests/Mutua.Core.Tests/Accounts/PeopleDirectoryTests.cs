using Mutua.Core.Accounts;
using Mutua.Core.Tests.Support;

namespace Mutua.Core.Tests.Accounts;

public sealed class PeopleDirectoryTests : HostTests
{
    private Task<Person?> Find(string? login) => Host.Run<PeopleDirectory, Person?>(d => d.FindByLoginAsync(login));

    [Theory]
    [InlineData("grace@example.org")]
    [InlineData("GRACE@EXAMPLE.ORG")]
    [InlineData("  Grace@Example.org ")]
    public async Task By_e_mail_in_any_letters(string login)
    {
        await Host.CommunityAsync();
        var grace = await Host.PersonAsync("Grace", email: "Grace@example.org");
        Assert.Equal(grace.Id, (await Find(login))?.Id);
    }

    [Theory]
    [InlineData("0788 123 456")]
    [InlineData("0788123456")]
    [InlineData("788 123 456")]
    [InlineData("+250788123456")]
    [InlineData("+250 788 123 456")]
    public async Task By_phone_number_local_to_a_community_or_international(string login)
    {
        await Host.CommunityAsync(country: "RW");
        var grace = await Host.PersonAsync("Grace", phone: "+250788123456");
        Assert.Equal(grace.Id, (await Find(login))?.Id);
    }

    [Fact]
    public async Task Local_numbers_are_read_in_each_country_with_a_community()
    {
        await Host.CommunityAsync("Kimironko", "RW");
        await Host.CommunityAsync("Dorchester", "US", "en", "USD", "America/New_York");
        var grace = await Host.PersonAsync("Grace", phone: "+250788123456");
        var mary = await Host.PersonAsync("Mary", phone: "+16175550101");

        Assert.Equal(mary.Id, (await Find("(617) 555-0101"))?.Id);
        Assert.Equal(grace.Id, (await Find("0788 123 456"))?.Id);
    }

    [Fact]
    public async Task A_local_number_of_a_country_without_a_community_needs_its_country_code()
    {
        await Host.CommunityAsync("Kimironko", "RW");
        var mary = await Host.PersonAsync("Mary", phone: "+16175550101");
        Assert.Null(await Find("(617) 555-0101"));
        Assert.Equal(mary.Id, (await Find("+1 617 555 0101"))?.Id);
    }

    [Fact]
    public async Task Numbers_that_read_alike_in_two_countries_need_the_country_code()
    {
        await Host.CommunityAsync("Kimironko", "RW");
        await Host.CommunityAsync("Gulu", "UG", "en", "UGX", "Africa/Kampala");
        var rwandan = await Host.PersonAsync("Rwandan", phone: "+250788123456");
        var ugandan = await Host.PersonAsync("Ugandan", phone: "+256788123456");

        Assert.Null(await Find("0788 123 456"));
        Assert.Equal(rwandan.Id, (await Find("+250 788 123 456"))?.Id);
        Assert.Equal(ugandan.Id, (await Find("+256 788 123 456"))?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nobody@example.org")]
    [InlineData("0788 999 999")]
    [InlineData("not a login")]
    public async Task Unknown_logins_find_nobody(string? login)
    {
        await Host.CommunityAsync();
        await Host.PersonAsync("Grace", email: "grace@example.org");
        await Host.PersonAsync("Jean", phone: "+250788123456");
        Assert.Null(await Find(login));
    }
}
