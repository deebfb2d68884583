namespace Mutua.Core.Communities;

/// <summary>
/// A newcomer's first steps in a community: a short checklist and a buddy, an established
/// member who meets them.
/// </summary>
public sealed class Orientation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid CommunityId { get; set; }
    public Community? Community { get; set; }
    public Guid? BuddyId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ProfileDoneAt { get; set; }
    public DateTimeOffset? MetBuddyAt { get; set; }
    public DateTimeOffset? FirstCheckInAt { get; set; }

    public bool IsComplete => ProfileDoneAt is not null && MetBuddyAt is not null && FirstCheckInAt is not null;
}
