using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mutua.Web.Infrastructure;

internal sealed class LocalisedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options) =>
        Localization.LocaliseBindingMessages(options.ModelBindingMessageProvider, factory.Create(typeof(Text)));
}
