using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.AppHost.Platform;
using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Readiness;

public static class ReadinessRegistration
{
    /// <summary>The setting in which Aspire 13.6 keeps the dashboard's login token.</summary>
    private const string BrowserTokenKey = "AppHost:BrowserToken";

    /// <summary>Registers the readiness report, with the dashboard's login address when the dashboard runs.</summary>
    public static IDistributedApplicationBuilder AddReadinessReport(
        this IDistributedApplicationBuilder builder,
        PlatformSettings settings,
        RunMode mode,
        IResourceBuilder<ProjectResource>? jpkiSimulator,
        IResourceBuilder<IResource>[] resources)
    {
        if (jpkiSimulator is not null)
        {
            resources = [.. resources, jpkiSimulator];
        }

        var dashboardUrl = DashboardLoginUrl(builder);
        builder.Services.AddSingleton(new ReadinessSettings(
            PlatformEnvFile.PathIn(settings.DataDirectory),
            dashboardUrl,
            builder.Configuration["Platform:RunId"],
            mode.ToString(),
            [.. resources.Select(resource => resource.Resource.Name)]));
        builder.Services.AddHostedService<PlatformReadinessReporter>();
        return builder;
    }

    /// <summary>
    /// Returns the dashboard's address with its login token, which Aspire's builder has put into
    /// configuration (generated unless ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN sets it); null when
    /// the dashboard does not run, as under the test host.
    /// </summary>
    private static string? DashboardLoginUrl(IDistributedApplicationBuilder builder)
    {
        var urls = builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(urls) || builder.Configuration.GetValue<bool>("DcpPublisher:DisableDashboard"))
        {
            return null;
        }

        var token = builder.Configuration[BrowserTokenKey];
        if (string.IsNullOrEmpty(token))
        {
            return urls.Split(';')[0].TrimEnd('/');
        }

        return $"{urls!.Split(';')[0].TrimEnd('/')}/login?t={token}";
    }
}
