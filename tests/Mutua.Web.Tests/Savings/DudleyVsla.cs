using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutua.Web.Tests.Infrastructure;

namespace Mutua.Web.Tests.Savings;

/// <summary>A fresh VSLA of ten in Dudley for a test: Jamal (its secretary), Keisha and eight more of Dudley's people; $5 a share.</summary>
internal static class DudleyVsla
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Jamal starts a group with Keisha and eight more of Dudley's people.</summary>
    public static async Task<(Guid Id, JsonElement Group)> CreateAsync(MutuaFactory app, HttpClient jamal)
    {
        var d = app.Demo;
        var others = await app.WithDbAsync(db => db.HouseholdMembers
            .Where(m => db.Households.Any(h => h.Id == m.HouseholdId && h.CommunityId == d.Dudley) && m.PersonId != d.Jamal && m.PersonId != d.Keisha)
            .Select(m => m.PersonId).OrderBy(p => p).Take(8).ToListAsync());
        using var response = await jamal.PostAsJsonAsync("/api/v1/savings-groups", new
        {
            communityId = d.Dudley, name = $"Dudley VSLA {Guid.NewGuid():N}"[..24], kind = "vsla",
            members = new[] { d.Jamal, d.Keisha }.Concat(others),
            constitution = new
            {
                sharePrice = 5_00, maxSharesPerMeeting = 5, socialFundPerMeeting = 1_00, serviceChargePercent = 10,
                serviceChargeBasis = "outstanding", loanMultiple = 3, maxLoanMonths = 3,
            },
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var group = JsonDocument.Parse(text).RootElement.Clone();
        var id = group.GetProperty("id").GetGuid();
        // Meetings after the fact: the cycle began when the group was made, so move its start back a month.
        await app.WithDbAsync(db => db.SavingsCycles.Where(c => c.GroupId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)))));
        return (id, group);
    }

}
