using System.Globalization;

namespace Mutua.Core.Tests;

public sealed class MoneyTests
{
    /// <summary>Collapses the plain, no-break and narrow spaces cultures use, to compare text.</summary>
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    // Exact text, not its digits: "RWF 1,500.00" has the digits of "RWF 150,000". Francs and shillings have no minor units.
    [Theory]
    // A local symbol made of letters ("RF", "USh") reads as a word: the code is shown, as in every other language.
    [InlineData("rw", "RWF 150.000")]
    [InlineData("fr", "150 000 RWF")]
    [InlineData("en", "RWF 150,000")]
    [InlineData("sw", "RWF 150,000")]
    [InlineData("es", "150.000 RWF")]
    [InlineData("rw-RW", "RWF 150.000")]
    [InlineData("sw-UG", "RWF 150,000")]
    [InlineData("en-US", "RWF 150,000")]
    public void Francs_have_no_decimals(string culture, string expected) =>
        Assert.Equal(expected, Plain(Money.Format(150_000, "RWF", new CultureInfo(culture))));

    [Theory]
    [InlineData("en", "UGX 150,000")]
    [InlineData("fr", "150 000 UGX")]
    [InlineData("sw", "UGX 150,000")]
    [InlineData("rw", "UGX 150.000")]
    public void Ugandan_shillings_have_no_decimals(string culture, string expected) =>
        Assert.Equal(expected, Plain(Money.Format(150_000, "UGX", new CultureInfo(culture))));

    [Fact]
    public void Francs_in_English_read_with_the_code_in_front() =>
        Assert.Equal("RWF 150,000", Money.Format(150_000, "RWF", new CultureInfo("en")));

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    public void Dollars_in_English(string culture) =>
        Assert.Equal("$123.45", Money.Format(12_345, "USD", new CultureInfo(culture)));

    [Fact]
    public void Dollars_in_Spanish_use_a_decimal_comma_and_the_dollar_sign()
    {
        var text = Plain(Money.Format(12_345, "USD", new CultureInfo("es")));
        Assert.Contains("123,45", text, StringComparison.Ordinal);
        Assert.Contains("$", text, StringComparison.Ordinal);
        Assert.DoesNotContain("USD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dollars_in_French_show_the_code_not_a_bare_dollar_sign()
    {
        var text = Plain(Money.Format(12_345, "USD", new CultureInfo("fr")));
        Assert.Contains("123,45", text, StringComparison.Ordinal);
        Assert.Contains("USD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_dollars_in_English() =>
        Assert.Equal("-$123.45", Money.Format(-12_345, "USD", new CultureInfo("en")));

    [Theory]
    [InlineData("en", "-RWF 150,000")]
    [InlineData("fr", "-150 000 RWF")]
    [InlineData("rw", "-RWF 150.000")]
    public void Negative_francs_keep_their_sign_and_have_no_decimals(string culture, string expected) =>
        Assert.Equal(expected, Plain(Money.Format(-150_000, "RWF", new CultureInfo(culture))));

    [Theory]
    [InlineData("en", "KWD 1,234.567")]
    [InlineData("fr", "1 234,567 KWD")]
    public void Three_digit_currencies_keep_three_decimals(string culture, string expected) =>
        Assert.Equal(expected, Plain(Money.Format(1_234_567, "KWD", new CultureInfo(culture))));

    [Theory]
    [InlineData("RWF", 0)]
    [InlineData("UGX", 0)]
    [InlineData("USD", 2)]
    [InlineData("KES", 2)]
    [InlineData("KWD", 3)]
    public void Minor_digits(string currency, int digits) => Assert.Equal(digits, Money.DigitsOf(currency));

    // The ISO code is used as the symbol with a space appended ("RWF "); cultures whose pattern puts the
    // symbol after the number ("n $", French) or already spaces it ("$ n", Swahili) then get a trailing
    // or doubled space.
    [Theory]
    [InlineData("fr", 150_000, "RWF")]
    [InlineData("sw", 150_000, "RWF")]
    [InlineData("fr", -150_000, "UGX")]
    [InlineData("sw", 12_345, "KES")]
    public void Formatted_amounts_have_no_stray_spaces(string culture, long amount, string currency)
    {
        var text = Plain(Money.Format(amount, currency, new CultureInfo(culture)));
        Assert.Equal(text.Trim(), text);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
    }
}
