// Each switch names every value and has no "_ =>" arm: a value added to the enum without a name here
// stops the build (CS8509). CS8524 (a number outside the enum) is silenced: such a value cannot come from
// Core, and it throws instead of showing a wrong word.
#pragma warning disable CS8524
using Mutua.Core;
using Microsoft.Extensions.Localization;
using Mutua.Core.Communities;

namespace Mutua.Web.Pages;

public static class RoleNames
{
    public static string Of(Role role, IStringLocalizer<Text> l) => role switch
    {
        Role.Member => l["Member"],
        Role.Coordinator => l["Coordinator"],
        Role.Sponsor => l["Sponsor"],
        Role.Ambassador => l["Ambassador"],
        Role.Supporter => l["Supporter"],
    };
}
