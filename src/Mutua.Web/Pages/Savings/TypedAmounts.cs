using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mutua.Core;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// What the secretary typed on a savings form, read in the person's conventions. An amount typed the other way round
/// comes back rewritten as it was read, with a question, and counts only when posted again: nothing is a guess.
/// </summary>
public static class TypedAmounts
{
    /// <summary>The amount in minor units, null when empty or not taken (its error then on <paramref name="field"/>).</summary>
    public static long? Read(ModelStateDictionary state, IStringLocalizer l, string? text, string field, string currency, Action<string> rewrite)
    {
        var culture = CultureInfo.CurrentCulture;
        var reading = Money.Read(text, currency, culture);
        switch (reading.Kind)
        {
            case AmountReading.Empty:
                return null;
            case AmountReading.Unsure when reading.MinorUnits >= 0:
                state.AddModelError(field, l["We read “{0}” as {1}. If that is right, save again; if not, correct it.",
                    text!.Trim(), Money.Format(reading.MinorUnits, currency, culture)]);
                var rewritten = Money.ToInput(reading.MinorUnits, currency, culture);
                rewrite(rewritten);
                state.SetModelValue(field, rewritten, rewritten);
                return null;
            case AmountReading.Read when reading.MinorUnits >= 0:
                return reading.MinorUnits;
            default:
                state.AddModelError(field, l["Please enter an amount such as {0}.", Money.ToInput(1500 * Money.MinorPerUnit(currency), currency, culture)]);
                return null;
        }
    }

    /// <summary>A meeting's date as the date box sends it (or typed in the person's order), or an error on <paramref name="field"/>.</summary>
    public static DateOnly Date(ModelStateDictionary state, IStringLocalizer l, string? text, string field)
    {
        var culture = CultureInfo.CurrentCulture;
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParse(text?.Trim(), culture, DateTimeStyles.None, out date))
            return date;
        state.AddModelError(field, l["Please enter the meeting's date, such as {0}.", DateTime.UtcNow.ToString("d", culture)]);
        return default;
    }
}
