using System.Globalization;

namespace Mutua.Core.Tests.Kernel;

/// <summary>
/// Amounts as families type them, read with the conventions of their language in their community's country
/// (issue 13: "1,800" typed for wages in a USD community in Spanish was stored as 1,80 and "120.50" as 12050,00).
/// </summary>
public class MoneyEntryTests
{
    public static TheoryData<string, string, string, string, long> ReadAsWritten => new()
    {
        // language, country, currency, typed, minor units
        { "es", "US", "USD", "1,800", 180_000 },
        { "es", "US", "USD", "120.50", 12_050 },
        { "es", "US", "USD", "$1,870.00", 187_000 },
        { "es", "US", "USD", "1800", 180_000 },
        { "es", "US", "USD", "0.5", 50 },
        { "en", "US", "USD", "1,800", 180_000 },
        { "en", "US", "USD", "120.50", 12_050 },
        { "en", "US", "USD", "$ 2,100", 210_000 },
        { "en", "US", "USD", "1,234,567.89", 123_456_789 },
        { "fr", "RW", "RWF", "150 000", 150_000 },
        { "fr", "RW", "RWF", "150\u202F000", 150_000 },
        { "fr", "RW", "RWF", "1.500.000", 1_500_000 },
        { "fr", "RW", "RWF", "RWF 25 000", 25_000 },
        { "rw", "RW", "RWF", "150.000", 150_000 },
        { "rw", "RW", "RWF", "15000 RWF", 15_000 },
        // RWF has no decimals for the comma to be one: groups of three mean thousands in Kinyarwanda too.
        { "rw", "RW", "RWF", "150,000", 150_000 },
        { "en", "RW", "RWF", "150,000", 150_000 },
        { "sw", "UG", "UGX", "1,500,000", 1_500_000 },
        { "sw", "UG", "UGX", "UGX 20,000", 20_000 },
        { "en", "UG", "UGX", "250,000", 250_000 },
        { "fr", "US", "USD", "1 870,50", 187_050 },
        { "fr", "RW", "USD", "$ 12,50", 1_250 },
        { "en", "US", "USD", "1'800", 180_000 },
        { "en", "US", "USD", "1’800.50", 180_050 },
        { "en", "US", "USD", ".5", 50 },
        { "fr", "RW", "USD", ",5", 50 },
        { "en", "US", "USD", ",5", 50 },
        // Written the other way round, with one meaning: decimals ("12,50", or "12.5" as a phone's number pad types it in
        // French), or several groups of three, which no decimal mark makes.
        { "es", "US", "USD", "12,50", 1_250 },
        { "es", "US", "USD", "1.870,00", 187_000 },
        { "en", "US", "USD", "1,80", 180 },
        { "fr", "RW", "USD", "12.5", 1_250 },
        { "rw", "RW", "USD", "1,870.50", 187_050 },
        { "sw", "UG", "USD", "1.870,50", 187_050 },
        { "en", "US", "USD", "2.500.000", 250_000_000 },
    };

    [Theory]
    [MemberData(nameof(ReadAsWritten))]
    public void An_amount_written_the_way_its_country_writes_it_is_read_as_written(string language, string country, string currency, string typed, long minor)
    {
        var reading = Money.Read(typed, currency, Money.ConventionsFor(language, country));

        Assert.Equal(new MoneyReading(AmountReading.Read, minor), reading);
    }

    public static TheoryData<string, string, string, string, long> ReadOtherWayRound => new()
    {
        // A lone separator before three digits, where the currency has decimals: thousands, or decimals mistyped?
        { "es", "US", "USD", "1.800", 180_000 },
        { "en", "US", "USD", "12.345", 1_234_500 },
        { "sw", "UG", "USD", "1.250", 125_000 },
        { "rw", "RW", "USD", "1,250", 125_000 },
        // Three decimals: "1,500" could be either, and the convention's reading is offered.
        { "en", "US", "KWD", "1,500", 1_500_000 },
    };

    [Theory]
    [MemberData(nameof(ReadOtherWayRound))]
    public void An_amount_that_could_mean_two_things_is_unsure_with_its_likely_reading(string language, string country, string currency, string typed, long minor)
    {
        var reading = Money.Read(typed, currency, Money.ConventionsFor(language, country));

        Assert.Equal(new MoneyReading(AmountReading.Unsure, minor), reading);
        Assert.False(Money.TryParse(typed, currency, Money.ConventionsFor(language, country), out _));
    }

    [Theory]
    [InlineData("es", "US", "USD", "1,8000")]
    [InlineData("en", "US", "USD", "1.2.3")]
    [InlineData("en", "US", "USD", "12.3456")]
    [InlineData("rw", "RW", "RWF", "1,5")]
    [InlineData("fr", "RW", "RWF", "1500,50")]
    [InlineData("sw", "UG", "UGX", "mia tano")]
    [InlineData("en", "US", "USD", "1e5")]
    [InlineData("en", "US", "USD", ",")]
    [InlineData("en", "US", "USD", "99999999999999999")]
    [InlineData("en", "US", "USD", "99999999999999999999999999999")]
    [InlineData("en", "US", "USD", "$")]
    [InlineData("en", "US", "USD", "-")]
    [InlineData("en", "US", "USD", ".")]
    [InlineData("en", "US", "USD", "1,2,3")]
    [InlineData("en", "US", "USD", "1,00.5")]
    [InlineData("en", "US", "USD", "1,23,456")]
    [InlineData("fr", "RW", "USD", "1,2,5")]
    [InlineData("en", "US", "USD", "1a")]
    [InlineData("fr", "RW", "USD", "12,5a")]
    public void An_amount_with_no_reading_for_its_currency_is_unreadable(string language, string country, string currency, string typed)
    {
        Assert.Equal(new MoneyReading(AmountReading.Unreadable, 0), Money.Read(typed, currency, Money.ConventionsFor(language, country)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Nothing_typed_is_empty_not_zero(string? typed)
    {
        Assert.Equal(AmountReading.Empty, Money.Read(typed, "USD", Money.ConventionsFor("en", "US")).Kind);
    }

    [Fact]
    public void A_negative_amount_is_read_with_its_sign()
    {
        Assert.Equal(new MoneyReading(AmountReading.Read, -12_345), Money.Read("-$123.45", "USD", Money.ConventionsFor("en", "US")));
    }

    [Theory]
    [InlineData("es", "US", "es-US")]
    [InlineData("en", "US", "en-US")]
    [InlineData("fr", "RW", "fr-RW")]
    [InlineData("rw", "RW", "rw-RW")]
    [InlineData("sw", "UG", "sw-UG")]
    [InlineData("en", "UG", "en-UG")]
    [InlineData("es", "us", "es-US")]
    // No community: the country where Mutua's speakers of the language live.
    [InlineData("es", null, "es-US")]
    [InlineData("fr", "", "fr-RW")]
    [InlineData("sw", null, "sw-UG")]
    [InlineData("rw", null, "rw-RW")]
    [InlineData("en", null, "en-US")]
    // A country no culture can be made with: the language's own conventions.
    [InlineData("en", "!!", "en")]
    public void Conventions_are_the_language_of_the_person_in_the_country_of_the_community(string language, string? country, string culture)
    {
        Assert.Equal(culture, Money.ConventionsFor(language, country).Name);
    }

    [Theory]
    [InlineData("es", "US", "USD", 187_000, "$1,870.00")]
    [InlineData("en", "US", "USD", 187_000, "$1,870.00")]
    [InlineData("rw", "RW", "RWF", 150_000, "RWF 150.000")]
    [InlineData("fr", "RW", "RWF", 150_000, "150 000 RWF")]
    [InlineData("sw", "RW", "RWF", 150_000, "RWF 150,000")]
    [InlineData("sw", "UG", "UGX", 1_500_000, "UGX 1,500,000")]
    [InlineData("en", "UG", "UGX", 1_500_000, "UGX 1,500,000")]
    [InlineData("en", "RW", "RWF", 150_000, "RWF 150,000")]
    public void Amounts_are_shown_the_way_they_are_read(string language, string country, string currency, long minor, string shown)
    {
        var culture = Money.ConventionsFor(language, country);
        var text = Money.Format(minor, currency, culture);

        Assert.Equal(shown, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.Equal(new MoneyReading(AmountReading.Read, minor), Money.Read(text, currency, culture));
        Assert.Equal(new MoneyReading(AmountReading.Read, minor), Money.Read(Money.ToInput(minor, currency, culture), currency, culture));
    }

    // Three-decimal currencies: what the input box writes reads back as it was written, never unsure (it would ask for ever).
    [Theory]
    [InlineData("en", "US", "KWD", 125_500)]
    [InlineData("en", "US", "KWD", 1_800_000)]
    [InlineData("fr", "TN", "TND", 500)]
    [InlineData("en", "US", "USD", 12_345)]
    [InlineData("rw", "RW", "RWF", 150_000)]
    public void What_the_input_box_writes_reads_back_as_written(string language, string country, string currency, long minor)
    {
        var culture = Money.ConventionsFor(language, country);

        Assert.Equal(new MoneyReading(AmountReading.Read, minor), Money.Read(Money.ToInput(minor, currency, culture), currency, culture));
        Assert.Equal(new MoneyReading(AmountReading.Read, minor), Money.Read(Money.Format(minor, currency, culture), currency, culture));
    }

    // A symbol made of letters ("RF", "USh") gives way to the code; one with a letter and a sign ("R$") is a symbol people know.
    [Theory]
    [InlineData("rw-RW", "RWF", 150_000, "RWF 150.000")]
    [InlineData("sw-UG", "UGX", 150_000, "UGX 150,000")]
    [InlineData("pt-BR", "BRL", 1_234, "R$ 12,34")]
    [InlineData("en-US", "USD", 1_234, "$12.34")]
    public void A_local_symbol_shows_unless_it_is_made_of_letters(string culture, string currency, long minor, string shown)
    {
        Assert.Equal(shown, Money.Format(minor, currency, System.Globalization.CultureInfo.GetCultureInfo(culture)).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }
}
