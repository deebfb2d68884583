using Microsoft.EntityFrameworkCore;

namespace Mutua.Core.Accounts;

/// <summary>The account row itself, which only Accounts deletes.</summary>
internal static class AccountRows
{
    /// <summary>Deletes a person's row; what refers to it goes by cascade (or is set null, as the model says).</summary>
    public static Task<int> DeleteAsync(MutuaDbContext db, Guid personId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == personId).ExecuteDeleteAsync(ct);
}
