using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Communities;

/// <summary>
/// A person closing their account leaves their households: one left with others keeps its name unless it
/// was named after them; one left empty closes (every feature erases its rows of it first, see
/// <see cref="HouseholdClosing"/>) and its memberships and the invitations into it go with it.
/// </summary>
internal sealed class PersonLeavingCommunities(MutuaDbContext db, Events events) : IReactTo<PersonLeaving>
{
    public async Task ReactAsync(PersonLeaving happened, CancellationToken ct)
    {
        var id = happened.PersonId;
        var households = await db.HouseholdMembers.Where(m => m.PersonId == id).Select(m => m.HouseholdId).ToListAsync(ct);
        foreach (var householdId in households)
        {
            var next = await db.HouseholdMembers.Where(m => m.HouseholdId == householdId && m.PersonId != id)
                .OrderBy(m => m.JoinedAt).Select(m => m.Person!.FirstName).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                await events.PublishAsync(new HouseholdClosing(householdId, happened.At), ct);
                await db.Households.Where(h => h.Id == householdId).ExecuteDeleteAsync(ct);
            }
            else
            {
                await db.Households.Where(h => h.Id == householdId && h.Name == happened.FirstName)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Name, next), ct);
            }
        }
        // Someone else's invitation that was named for them ("Amina's family") keeps no name.
        await db.Invitations.Where(i => i.RedeemedById == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedById, (Guid?)null).SetProperty(i => i.NewHouseholdName, (string?)null), ct);
    }
}
