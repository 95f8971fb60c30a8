using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MynaPlatform.Hosting;

namespace MynaPlatform.Portal.Sessions;

public static class PortalSessionRegistration
{
    public const string CookieName = "myna-portal";

    /// <summary>
    /// Registers the session cookie, the server-side ticket store and the data-protection keys,
    /// both under <c>{data folder}/portal</c>, and the policy that pages need a logged-in person.
    /// </summary>
    public static IHostApplicationBuilder AddPortalSessions(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration[PlatformConfigurationKeys.DataDirectory] is { Length: > 0 } directory
            ? Path.Combine(Path.GetFullPath(directory), "portal")
            : throw new InvalidOperationException($"{PlatformConfigurationKeys.DataDirectory} is not set. Set it to the folder where the portal keeps its sessions and keys.");

        builder.Services.AddDataProtection()
            .SetApplicationName("MynaPlatform.Portal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        builder.Services.AddSingleton(services => new FileTicketStore(
            Path.Combine(dataDirectory, "sessions"),
            services.GetRequiredService<IOptions<PortalOptions>>().Value.SessionIdleTimeout,
            services.GetRequiredService<IDataProtectionProvider>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<FileTicketStore>>()));
        builder.Services.AddScoped<PortalCookieEvents>();
        builder.Services.AddScoped<DeviceLoginFlow>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<FileTicketStore, IOptions<PortalOptions>>(ConfigureCookie);

        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireClaim(PortalClaims.PersonId).Build());
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, FileTicketStore store, IOptions<PortalOptions> portal)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;

        // No screen is entered from another site: the device login needs no redirect back.
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SessionStore = store;
        cookie.ExpireTimeSpan = portal.Value.SessionIdleTimeout;
        cookie.SlidingExpiration = true;

        // A pending device login is authenticated but has no person, so it is sent to the login page too.
        cookie.LoginPath = PortalPages.Login.Path;
        cookie.AccessDeniedPath = PortalPages.Login.Path;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.EventsType = typeof(PortalCookieEvents);
    }
}
