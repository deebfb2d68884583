using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutua.Core.Accounts;

/// <summary>How a person signed in: a browser keeps a cookie, an app or script keeps bearer tokens.</summary>
public enum SessionKind
{
    Browser = 0,
    Api = 1,
}

/// <summary>
/// One sign-in, on one device. The cookie or the bearer tokens carry its id, and every signed-in
/// request checks it is still live, so signing out (here or from another device) ends it on every
/// web node at once (issue 11, finding 5).
/// </summary>
public sealed class SignInSession
{
    public const int DeviceMaxLength = 80;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public SessionKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Moved on at most every <see cref="SessionService.LastSeenStep"/>, not on every request.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>"Chrome · Android", read from the User-Agent when signing in; null when it says nothing we know.</summary>
    public string? Device { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Which refresh token of an API session is the current one: each refresh moves it on, so an older one is a replay.</summary>
    public int RefreshGeneration { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.Property(s => s.Device).HasMaxLength(SignInSession.DeviceMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        // The per-request check looks a session up by its key; the profile lists a person's own.
        b.HasIndex(s => s.PersonId);
    }
}
