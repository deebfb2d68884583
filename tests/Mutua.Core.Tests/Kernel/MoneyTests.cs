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

    // ISO 4217: these currencies have no minor units, or three. Shown with two decimals, 150,000 Burundian francs
    // would read as 1,500.00.
    [Theory]
    [InlineData("BIF")]
    [InlineData("XAF")]
    [InlineData("XOF")]
    [InlineData("JPY")]
    [InlineData("KRW")]
    [InlineData("CLP")]
    public void Currencies_without_minor_units_show_whole_amounts(string currency)
    {
        Assert.Equal($"{currency} 150,000", Money.Format(150_000, currency, new CultureInfo("en")));
        Assert.True(Money.TryParse("150000", currency, new CultureInfo("en"), out var minor));
        Assert.Equal(150_000, minor);
    }

    [Theory]
    [InlineData("BHD")]
    [InlineData("OMR")]
    [InlineData("TND")]
    [InlineData("JOD")]
    public void Currencies_with_three_minor_digits_show_thousandths(string currency) =>
        Assert.Equal($"{currency} 1,234.567", Money.Format(1_234_567, currency, new CultureInfo("en")));

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

    // Whatever a culture's pattern for negative amounts, an ISO code stands a space apart from the number, and
    // the pattern otherwise stays the culture's own: "(RWF 150,000)", never "(RWF150,000)".
    [Theory]
    [InlineData(0, "(RWF 150,000)")]
    [InlineData(1, "-RWF 150,000")]
    [InlineData(2, "RWF -150,000")]
    [InlineData(3, "RWF 150,000-")]
    [InlineData(4, "(150,000 RWF)")]
    [InlineData(5, "-150,000 RWF")]
    [InlineData(6, "150,000- RWF")]
    [InlineData(7, "150,000 RWF-")]
    [InlineData(8, "-150,000 RWF")]
    [InlineData(9, "-RWF 150,000")]
    [InlineData(15, "(150,000 RWF)")]
    public void A_negative_amount_keeps_its_code_apart_from_the_number_in_every_pattern(int pattern, string expected)
    {
        var culture = new CultureInfo("en", useUserOverride: false);
        culture.NumberFormat.CurrencyNegativePattern = pattern;
        Assert.Equal(expected, Money.Format(-150_000, "RWF", culture));
    }

    [Theory]
    [InlineData(0, "RWF 150,000")]
    [InlineData(1, "150,000 RWF")]
    [InlineData(2, "RWF 150,000")]
    [InlineData(3, "150,000 RWF")]
    public void A_positive_amount_keeps_its_code_apart_from_the_number_in_every_pattern(int pattern, string expected)
    {
        var culture = new CultureInfo("en", useUserOverride: false);
        culture.NumberFormat.CurrencyPositivePattern = pattern;
        Assert.Equal(expected, Money.Format(150_000, "RWF", culture));
    }

    // The culture's own symbol, where its region uses the currency, is not spaced out: "$123.45", not "$ 123.45".
    [Fact]
    public void A_local_symbol_is_not_spaced_out_like_a_code() =>
        Assert.Equal("-$123.45", Money.Format(-12_345, "USD", new CultureInfo("en-US")));

    [Theory]
    [InlineData(12_345, "USD", "en", "$123")]
    [InlineData(1_234_567, "KWD", "en", "KWD 1,235")]
    [InlineData(150_000, "RWF", "en", "RWF 150,000")]
    public void Whole_units_drop_the_minor_digits(long amount, string currency, string culture, string expected) =>
        Assert.Equal(expected, Money.Format(amount, currency, new CultureInfo(culture), wholeUnits: true));

    // What a person types into an amount box, in their language, with or without grouping, the symbol or the code.
    [Theory]
    [InlineData("1,250.50", "USD", "en", 125_050)]
    [InlineData("$12.34", "USD", "en-US", 1_234)]
    [InlineData("1250", "USD", "en", 125_000)]
    [InlineData("1 250.50", "USD", "en", 125_050)] // spaces group thousands whatever the language's own separator
    [InlineData("1 250,5", "USD", "fr", 125_050)]
    [InlineData("1\u00A0250,5", "USD", "fr", 125_050)]
    [InlineData("1\u202F250,5", "USD", "fr", 125_050)]
    [InlineData("12.5", "USD", "fr", 1_250)] // a decimal point, as on a phone's number pad, in a language that writes a comma
    [InlineData("150.000", "RWF", "rw", 150_000)]
    [InlineData("RF 150.000", "RWF", "rw-RW", 150_000)]
    [InlineData("RWF 150,000", "RWF", "en", 150_000)]
    [InlineData("rwf150000", "RWF", "en", 150_000)]
    [InlineData(" 15000 ", "UGX", "en", 15_000)]
    [InlineData("1.5", "KWD", "en", 1_500)]
    [InlineData("-20", "USD", "en", -2_000)]
    public void Amounts_are_read_as_people_type_them(string typed, string currency, string culture, long expected)
    {
        Assert.True(Money.TryParse(typed, currency, new CultureInfo(culture), out var minor));
        Assert.Equal(expected, minor);
    }

    // A franc has no cents and a dollar no thousandths: such an amount is refused, not rounded.
    [Theory]
    [InlineData("12.345", "USD", "en")]
    [InlineData("150.5", "RWF", "en")]
    [InlineData("1.2345", "KWD", "en")]
    [InlineData("abc", "USD", "en")]
    [InlineData("12.50.3", "USD", "en")]
    [InlineData("RWF", "RWF", "en")]
    [InlineData("", "USD", "en")]
    [InlineData("   ", "USD", "en")]
    [InlineData(null, "USD", "en")]
    public void Amounts_that_are_not_numbers_or_not_whole_minor_units_are_refused(string? typed, string currency, string culture)
    {
        Assert.False(Money.TryParse(typed, currency, new CultureInfo(culture), out var minor));
        Assert.Equal(0, minor);
    }

    // An absurd amount is refused rather than overflowing the stored number (which would fail the whole request);
    // everything up to the stored range is read.
    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("-9223372036854775809", false)]
    [InlineData("99999999999999999999999", false)]
    public void Amounts_beyond_what_can_be_stored_are_refused(string typed, bool read)
    {
        Assert.Equal(read, Money.TryParse(typed, "RWF", CultureInfo.InvariantCulture, out var minor));
        if (read) Assert.Equal(typed, minor.ToString(CultureInfo.InvariantCulture));
    }

    // An input box shows the amount as a plain number in the person's language, and reads back as the same amount.
    [Theory]
    [InlineData(125_050, "USD", "fr", "1250,50")]
    [InlineData(125_050, "USD", "en", "1250.50")]
    [InlineData(150_000, "RWF", "en", "150000")]
    [InlineData(1_234_567, "KWD", "en", "1234.567")]
    [InlineData(-2_000, "USD", "en", "-20.00")]
    public void An_amount_goes_into_an_input_box_and_reads_back_the_same(long amount, string currency, string culture, string expected)
    {
        var text = Money.ToInput(amount, currency, new CultureInfo(culture));
        Assert.Equal(expected, text);
        Assert.True(Money.TryParse(text, currency, new CultureInfo(culture), out var back));
        Assert.Equal(amount, back);
    }

    // Hours of help and items are whole numbers, typed with the person's conventions; a decimal is refused, not
    // read as a number ten times larger ("1,5" hours was 15 with a lenient thousands parse).
    [Theory]
    [InlineData("es", "US", "1,500", 1500)]
    [InlineData("es", "US", "1.500", 1500)]
    [InlineData("en", "US", "12", 12)]
    [InlineData("fr", "RW", "1 500", 1500)]
    [InlineData("fr", "RW", "1\u202F500", 1500)]
    [InlineData("rw", "RW", "1.500", 1500)]
    [InlineData("sw", "UG", " 40 ", 40)]
    [InlineData("es", "US", "1,5", 0)]
    [InlineData("es", "ES", "1,5", 0)]
    [InlineData("en", "US", "1.5", 0)]
    [InlineData("fr", "RW", "2,5", 0)]
    [InlineData("en", "US", "15,00", 0)]
    [InlineData("en", "US", "1,50,000", 0)]
    [InlineData("en", "US", "-3", 0)]
    [InlineData("en", "US", "0", 0)]
    [InlineData("en", "US", "3 hours", 0)]
    public void Whole_numbers_are_read_strictly_in_the_persons_conventions(string language, string country, string typed, long expected)
    {
        var reading = Money.ReadWholeNumber(typed, Money.ConventionsFor(language, country));
        Assert.Equal(expected > 0 ? AmountReading.Read : AmountReading.Unreadable, reading.Kind);
        Assert.Equal(expected, reading.MinorUnits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void No_whole_number_typed_is_empty(string? typed) =>
        Assert.Equal(new MoneyReading(AmountReading.Empty, 0), Money.ReadWholeNumber(typed, CultureInfo.GetCultureInfo("en-US")));
}
