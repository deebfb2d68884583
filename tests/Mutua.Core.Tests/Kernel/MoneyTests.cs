using System.Globalization;

namespace Mutua.Core.Tests;

public sealed class MoneyTests
{
    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Collapses the plain, no-break and narrow spaces cultures use, to compare text.</summary>
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Theory]
    [InlineData("rw")]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("sw")]
    [InlineData("es")]
    [InlineData("rw-RW")]
    [InlineData("en-US")]
    public void Francs_have_no_decimals(string culture)
    {
        var text = Money.Format(150_000, "RWF", new CultureInfo(culture));
        Assert.Equal("150000", Digits(text));
        Assert.True(text.Contains("RWF", StringComparison.Ordinal) || text.Contains("RF", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("sw")]
    public void Ugandan_shillings_have_no_decimals(string culture)
    {
        var text = Money.Format(150_000, "UGX", new CultureInfo(culture));
        Assert.Equal("150000", Digits(text));
        Assert.Contains("UGX", text, StringComparison.Ordinal);
    }

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
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("rw")]
    public void Negative_francs_keep_their_sign_and_have_no_decimals(string culture)
    {
        var text = Money.Format(-150_000, "RWF", new CultureInfo(culture));
        Assert.Equal("150000", Digits(text));
        Assert.StartsWith("-", text.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_digit_currencies_keep_three_decimals() =>
        Assert.Equal("1234567", Digits(Money.Format(1_234_567, "KWD", new CultureInfo("en"))));

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
