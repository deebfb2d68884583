using Mutua.Core;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Accounts;
using Mutua.Core.Communities;
using Mutua.Core.PersonalData;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Pages.Account;

/// <summary>A person's data: their households' downloads, and closing the account.</summary>
public sealed class MyDataModel(Viewer viewer, CommunityService communities, AccountClosure closure,
    SignInManager<Person> signIn) : PageModel
{
    public IReadOnlyList<HouseholdDetail> Households { get; private set; } = [];

    [BindProperty]
    [StringLength(200, ErrorMessage = "That is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var closed = await closure.CloseAsync(viewer, Password, Confirm, ct);
        if (!closed.Succeeded)
        {
            // Every refusal here (a wrong password, no confirmation, the last admin) is shown on the form.
            this.AddError(closed.Failure!.Value);
            await LoadAsync(ct);
            return Page();
        }
        // This session ends now; the account it belonged to is gone, so no other one can load it either.
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Closed");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<HouseholdDetail>();
        foreach (var place in viewer.Households)
        {
            var h = await communities.GetHouseholdAsync(viewer, place.HouseholdId, ct);
            if (h.Succeeded) list.Add(h.Value!);
        }
        Households = list;
    }
}
