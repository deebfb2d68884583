using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Mutua.Web.Api;

public static class MutuaApi
{
    /// <summary>Everything under /api/v1 signs in with a bearer token only, so no cookie can be replayed cross-site.</summary>
    public static void MapMutuaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery();
        AuthApi.Map(api);
        CommunitiesApi.Map(api);
        InvitationsApi.Map(api);
        CheckInsApi.Map(api);
        InsightsApi.Map(api);
        NetworkApi.Map(api);
        SharingApi.Map(api);
        ProjectsApi.Map(api);
        PersonalDataApi.Map(api);
    }
}
