using Mutua.Core.Accounts;

namespace Mutua.Core.Tests.Accounts;

public sealed class ContactNumbersTests
{
    [Theory]
    [InlineData("0788 123 456", "RW", "+250788123456")]
    [InlineData("0788123456", "rw", "+250788123456")]
    [InlineData(" 788-123-456 ", "RW", "+250788123456")]
    [InlineData("+250 788 123 456", "RW", "+250788123456")]
    [InlineData("(617) 555-0101", "US", "+16175550101")]
    [InlineData("617.555.0101", "US", "+16175550101")]
    [InlineData("0772 123456", "UG", "+256772123456")]
    public void Local_numbers_are_read_in_the_given_country(string typed, string region, string expected) =>
        Assert.Equal(expected, ContactNumbers.Normalise(typed, region));

    [Theory]
    [InlineData("+256 772 123456", null, "+256772123456")]
    [InlineData("+256 772 123456", "", "+256772123456")]
    [InlineData("+256 772 123456", "RW", "+256772123456")]
    [InlineData("+1 (617) 555-0101", null, "+16175550101")]
    public void International_numbers_need_no_country(string typed, string? region, string expected) =>
        Assert.Equal(expected, ContactNumbers.Normalise(typed, region));

    [Theory]
    [InlineData("hello", "RW")]
    [InlineData("not a phone", null)]
    [InlineData("12", "RW")]
    [InlineData("0788 123 456", null)] // local, but no country to read it in
    [InlineData("+999 1234 5678", null)]
    [InlineData("", "RW")]
    [InlineData("   ", "RW")]
    [InlineData(null, "RW")]
    public void Anything_else_is_null(string? typed, string? region) => Assert.Null(ContactNumbers.Normalise(typed, region));

    [Fact]
    public void Display_groups_the_digits_for_the_person() =>
        Assert.Equal("+250 788 123 456", ContactNumbers.Display("+250788123456"));

    [Theory]
    [InlineData("amina@example.org", true)]
    [InlineData("0788123456", false)]
    public void An_at_sign_means_e_mail(string login, bool expected) => Assert.Equal(expected, ContactNumbers.LooksLikeEmail(login));
}
