using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>
/// A community's savings groups from outside them, for its coordinators and sponsors: what the groups add up to, through
/// the disclosure rules, and the same across every community the person coordinates or sponsors. Nobody is named.
/// </summary>
public sealed class CommunityModel(Viewer viewer, SavingsRollUp rollUp, IStringLocalizer<Text> l) : PageModel
{
    public SavingsRollUpView? RollUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await rollUp.RollUpAsync(viewer, id, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        RollUp = outcome.Value;
        return Page();
    }

    /// <summary>A count, a percent or an amount (already rounded: shown in whole units), or why it is not shown.</summary>
    public string Show(RollUpCell cell, string currency, Kind kind) => cell switch
    {
        { Value: { } v } => kind switch
        {
            Kind.Amount => Money.Format(v, currency, CultureInfo.CurrentCulture, wholeUnits: true),
            Kind.Percent => v.ToString(CultureInfo.CurrentCulture) + " %",
            _ => v.ToString("N0", CultureInfo.CurrentCulture),
        },
        { Withheld: Withheld.NothingToMeasure } => l["nothing to measure yet"].Value,
        _ => l["too few to show"].Value,
    };

    public enum Kind { Count, Amount, Percent }
}
