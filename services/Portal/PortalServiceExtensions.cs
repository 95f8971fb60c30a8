using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Errors;
using MynaPlatform.Portal.Identity;
using MynaPlatform.Portal.Notices;
using MynaPlatform.Portal.Security;
using MynaPlatform.Portal.Sessions;
using MynaPlatform.ServiceDefaults.Configuration;

namespace MynaPlatform.Portal;

public static class PortalServiceExtensions
{
    public static IHostApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<PortalOptions>(PortalOptions.SectionName);
        builder.AddPortalSessions();
        builder.Services.AddIdentityApi();
        builder.Services.AddSingleton<ClientNames>();

        // Razor's default encoder writes every character outside Basic Latin as a character reference,
        // which triples the size of Japanese text. HTML's special characters are still encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            foreach (var page in PortalPages.Anonymous)
            {
                pages.Conventions.AllowAnonymousToPage(page);
            }
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "myna-portal-af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // The gateway on loopback is the only proxy in front of the portal; its scheme decides the Secure flag.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<ContentSecurityPolicyMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseMiddleware<PortalErrorMiddleware>();
        app.UseStaticFiles();

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SessionExpiryMiddleware>();

        app.MapRazorPages();
        app.MapNoticeAttachments();
        return app;
    }
}
