// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using Microsoft.Extensions.Localization;
using Mutua.Core.Communities;

namespace Mutua.Web.Pages.Communities;

/// <summary>Communities' words in the person's language.</summary>
public static class CommunityNames
{
    /// <param name="expiresAt">When an open invitation expires, shown with it.</param>
    public static string Of(InvitationState s, DateTimeOffset expiresAt, IStringLocalizer<Text> l) => s switch
    {
        InvitationState.Open => l["Open until {0}", expiresAt.ToString("d")],
        InvitationState.Used => l["Used"],
        InvitationState.Expired => l["Expired"],
        InvitationState.Revoked => l["Withdrawn"],
    };
}
