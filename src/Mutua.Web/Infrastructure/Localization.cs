using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Mutua.Core;
using Mutua.Core.Accounts;

namespace Mutua.Web.Infrastructure;

public static class Localization
{
    public static readonly CultureInfo[] Cultures = Languages.Supported.Select(CultureInfo.GetCultureInfo).ToArray();

    public static IServiceCollection AddMutuaLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Text's strings live in one set of files per feature area (TextLocalizer).
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, TextLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // A choice made on the page (cookie) wins over the browser's languages.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// After the viewer is known: numbers and money are read and shown with the conventions of the person's language
    /// in their community's country (<see cref="Money.ConventionsFor"/>): Spanish in California is es-US ("$1,870.00"),
    /// not Spain's "1.870,00 $". The words stay the language's (CurrentUICulture); only CurrentCulture changes. Visitors
    /// and people in no community get the country where Mutua's speakers of their language live.
    /// </summary>
    public static IApplicationBuilder UseNumberConventions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var viewer = context.RequestServices.GetRequiredService<Viewer>();
        // The same community on every request (the viewer's rows come in no set order): a household's first, else a role's.
        Guid? home = viewer.Households.Count > 0 ? viewer.Households.Min(h => h.CommunityId)
            : viewer.Roles.Count > 0 ? viewer.Roles.Min(r => r.CommunityId) : null;
        var country = home is null ? null : await CountryOfAsync(context.RequestServices, home.Value, context.RequestAborted);
        CultureInfo.CurrentCulture = Money.ConventionsFor(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, country);
        await next(context);
    });

    // A community's country almost never changes: one query per community every ten minutes, not one per request.
    private static async Task<string?> CountryOfAsync(IServiceProvider services, Guid communityId, CancellationToken ct)
    {
        var cache = services.GetRequiredService<IMemoryCache>();
        var key = (nameof(CountryOfAsync), communityId);
        if (cache.TryGetValue(key, out string? country)) return country;
        country = await services.GetRequiredService<MutuaDbContext>().Communities.Where(c => c.Id == communityId)
            .Select(c => c.Country).FirstOrDefaultAsync(ct);
        cache.Set(key, country, TimeSpan.FromMinutes(10));
        return country;
    }

    /// <summary>Remembers a language choice in the browser for a year.</summary>
    public static void RememberLanguage(HttpResponse response, string language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });

    /// <summary>Model binding's own messages ("The value '' is invalid") in the person's language.</summary>
    public static void LocaliseBindingMessages(DefaultModelBindingMessageProvider p, IStringLocalizer l)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => l["“{0}” is not valid for {1}.", value, field]);
        p.SetMissingBindRequiredValueAccessor(field => l["Please fill in {0}.", field]);
        p.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["“{0}” is not valid.", value]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        p.SetUnknownValueIsInvalidAccessor(field => l["The value for {0} is not valid.", field]);
        p.SetValueIsInvalidAccessor(value => l["“{0}” is not valid.", value]);
        p.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", field]);
        p.SetValueMustNotBeNullAccessor(value => l["A value is required."]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["This must be a number."]);
    }
}
