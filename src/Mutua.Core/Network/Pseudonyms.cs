using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutua.Core.Network;

/// <summary>
/// The server-held secret behind the help map's pseudonyms. One row, made on first use and read by
/// every web node, like the data-protection keys: a pseudonym made by one node is the same on the
/// others. It is never shown, exported or logged.
/// </summary>
public sealed class PseudonymKey
{
    public const int TheKey = 1;
    public const int Bytes = 32;

    public int Id { get; set; } = TheKey;
    public byte[] Key { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PseudonymKeyConfiguration : IEntityTypeConfiguration<PseudonymKey>
{
    public void Configure(EntityTypeBuilder<PseudonymKey> b)
    {
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.Key).HasMaxLength(PseudonymKey.Bytes).IsRequired();
    }
}

/// <summary>
/// Pseudonyms for households on the help map: HMAC-SHA256 of the community and household ids under
/// <see cref="PseudonymKey"/>. The old ids were an unkeyed hash, so anyone who learnt a household's id
/// (a project's JSON gave it away) could compute its "anonymous" id and put the name back on the map.
/// With the key only the server can: knowing a household id reveals nothing. Kept in memory once
/// read (it never changes), so the database is asked once per process.
/// </summary>
public sealed class Pseudonyms(TimeProvider clock)
{
    private volatile byte[]? key;

    public async ValueTask<Func<Guid, Guid, string>> ForAsync(MutuaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = key ??= await LoadOrCreateAsync(db, ct);
        return (community, household) => Of(k, community, household);
    }

    /// <summary>"h-" and 16 hex digits: the same household always gets the same one, and it cannot be turned back without the key.</summary>
    public static string Of(ReadOnlySpan<byte> secret, Guid communityId, Guid householdId)
    {
        Span<byte> input = stackalloc byte[32];
        communityId.TryWriteBytes(input);
        householdId.TryWriteBytes(input[16..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, input, mac);
        return "h-" + Convert.ToHexStringLower(mac[..8]);
    }

    private async Task<byte[]> LoadOrCreateAsync(MutuaDbContext db, CancellationToken ct)
    {
        var stored = await ReadAsync(db, ct);
        if (stored is not null) return stored;
        var fresh = new PseudonymKey { Key = RandomNumberGenerator.GetBytes(PseudonymKey.Bytes), CreatedAt = clock.GetUtcNow() };
        db.PseudonymKeys.Add(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Key;
        }
        catch (DbUpdateException)
        {
            // Another node (or request) made it first: theirs is the key.
            db.Entry(fresh).State = EntityState.Detached;
            return await ReadAsync(db, ct) ?? throw new InvalidOperationException("The pseudonym key could be neither made nor read.");
        }
    }

    private static async Task<byte[]?> ReadAsync(MutuaDbContext db, CancellationToken ct) =>
        await db.PseudonymKeys.AsNoTracking().Where(k => k.Id == PseudonymKey.TheKey).Select(k => k.Key).FirstOrDefaultAsync(ct);
}
