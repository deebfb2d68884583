using Mutua.Core;
using Microsoft.Extensions.Localization;
using Mutua.Core.Communities;

namespace Mutua.Web.Pages;

public static class RoleNames
{
    public static string Of(Role role, IStringLocalizer<Text> l) => role switch
    {
        Role.Coordinator => l["Coordinator"],
        Role.Sponsor => l["Sponsor"],
        Role.Ambassador => l["Ambassador"],
        Role.Supporter => l["Supporter"],
        _ => l["Member"],
    };
}
