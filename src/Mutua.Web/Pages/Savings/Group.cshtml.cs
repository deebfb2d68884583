using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Savings;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Savings;

/// <summary>A savings group's page for its members: balances, members, loans and the meetings, like the paper notebook.</summary>
public sealed class GroupModel(Viewer viewer, SavingsService savings, IStringLocalizer<Text> l) : PageModel
{
    public SavingsGroupView Group { get; private set; } = null!;
    /// <summary>A rotating group's order for the cycle (in a bidding group, the rounds won so far).</summary>
    public IReadOnlyList<RoscaTurnView> Turns { get; private set; } = [];
    /// <summary>The number of the meeting just recorded, to say so.</summary>
    public int? Recorded { get; private set; }
    /// <summary>The order was just set or drawn.</summary>
    public bool OrderSet { get; private set; }

    /// <summary>A fixed order as the officers typed it: each active member's place, from 1.</summary>
    [BindProperty]
    public List<PlaceRow> Places { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? recorded, bool? order, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Recorded = recorded;
        OrderSet = order == true;
        return Page();
    }

    /// <summary>The officers set a rotating group's order once a cycle: as typed for a fixed order, drawn for a lottery.</summary>
    public async Task<IActionResult> OnPostOrderAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Group.CanRecord) return this.Refusal(Failure.Forbidden);
        IReadOnlyList<Guid>? order = null;
        if (Group.Constitution.PayoutOrder == RoscaPayoutOrder.Fixed)
        {
            var active = Group.Members.Where(m => m.Active).Select(m => m.PersonId).ToHashSet();
            var places = Places.Where(p => active.Contains(p.PersonId)).ToList();
            if (places.Count != active.Count || places.Select(p => p.Place).Order().SequenceEqual(Enumerable.Range(1, active.Count)) is false)
            {
                ModelState.AddModelError(nameof(Places), l["Give each member a different place, from 1 to {0}.", active.Count]);
                return Page();
            }
            order = [.. places.OrderBy(p => p.Place).Select(p => p.PersonId)];
        }
        var set = await savings.SetPayoutOrderAsync(viewer, id, order, ct);
        if (!set.Succeeded) return this.Refuse(set.Failure!.Value);
        return Redirect($"/Savings/{id}?order=true#rounds");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var group = await savings.GetGroupAsync(viewer, id, ct);
        if (this.Refusal(group) is { } refused) return refused;
        Group = group.Value!;
        if (Group.Kind == SavingsGroupKind.Rosca && await savings.PayoutOrderAsync(viewer, id, ct) is { Succeeded: true } turns)
            Turns = turns.Value!;
        return null;
    }

    public string Amount(long minor) => Money.Format(minor, Group.Currency, CultureInfo.CurrentCulture);

    public string Name(Guid personId) => Group.Members.FirstOrDefault(m => m.PersonId == personId)?.FirstName ?? "—";

    /// <summary>The place a member's row shows: as typed back after a mistake, else their place in the members' list.</summary>
    public int PlaceOf(Guid personId, int index) => Places.FirstOrDefault(p => p.PersonId == personId)?.Place ?? index + 1;
}

public sealed class PlaceRow
{
    public Guid PersonId { get; set; }
    public int Place { get; set; }
}
