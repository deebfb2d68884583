using Microsoft.Extensions.Localization;
using Mutua.Core.PersonalData;
using Mutua.Web.Infrastructure;

namespace Mutua.Web.Api;

public sealed record CloseAccountRequest(string? Password, bool Confirm);

internal static class PersonalDataApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/households/{householdId:guid}/data", async (Guid householdId, CurrentViewer v, HouseholdDataService s, IStringLocalizer<Text> l, CancellationToken ct) =>
                ApiResults.From(await s.DownloadAsync(await v.GetAsync(ct), householdId, ct), l,
                    d => Results.File(d.Zip, "application/zip", d.FileName)))
            .WithSummary("Everything Mutua holds about a household, as a ZIP of JSON and CSV files (one pair per table) and its projects' photos. Its own members only.");
        // The bearer token that made this call cannot be revoked yet; once the account is gone it loads no one (merge note in AccountClosure).
        api.MapPost("/me/closure", async (CloseAccountRequest body, CurrentViewer v, AccountClosure s, IStringLocalizer<Text> l, CancellationToken ct) =>
                ApiResults.From(await s.CloseAsync(await v.GetAsync(ct), body.Password, body.Confirm, ct), l, _ => Results.NoContent()))
            .WithSummary("Close the signed-in person's account for good: {\"password\": \"…\", \"confirm\": true}. Name and contacts are erased, " +
                "memberships and roles end; a household whose last member leaves is deleted with its check-ins and goals.");
    }
}
