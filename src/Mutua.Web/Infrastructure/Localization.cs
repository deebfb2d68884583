using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
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
