using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Readiness;

/// <summary>What the AppHost writes to <c>platform.env</c> once every resource is healthy.</summary>
/// <param name="ResourceNames">The resources that must be healthy; Aspire's own helper resources are not listed.</param>
public sealed record ReadinessSettings(
    string EnvFilePath, string? DashboardUrl, string? RunId, string RunMode, IReadOnlyList<string> ResourceNames);

/// <summary>
/// Waits until the AppHost has seen every resource healthy, then writes the addresses a user and
/// the tools need to <c>platform.env</c>. <c>run.sh</c> waits for <c>PLATFORM_READY_RUN_ID</c>, which is
/// written last, in the same atomic replacement as the addresses.
/// </summary>
public sealed partial class PlatformReadinessReporter(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ReadinessSettings settings,
    IEnumerable<PlatformEnvEntry> extraEntries,
    ILogger<PlatformReadinessReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var resourceName in settings.ResourceNames)
        {
            Log.Waiting(logger, resourceName);
            await notifications.WaitForResourceHealthyAsync(resourceName, stoppingToken);
        }

        var gateway = model.Resources.OfType<ProjectResource>().Single(resource => resource.Name == ResourceNames.Gateway);
        var gatewayUrl = (await new EndpointReference(gateway, ResourceNames.HttpEndpoint).GetValueAsync(stoppingToken))!.TrimEnd('/');

        var entries = new Dictionary<string, string>
        {
            ["GATEWAY_URL"] = gatewayUrl,
            ["PORTAL_URL"] = gatewayUrl + "/",
            ["PLATFORM_RUN_MODE"] = settings.RunMode,
        };
        var simulator = model.Resources.OfType<ProjectResource>().SingleOrDefault(resource => resource.Name == ResourceNames.JpkiSimulator);
        if (simulator is not null)
        {
            entries["JPKI_SIMULATOR_URL"] = (await new EndpointReference(simulator, ResourceNames.HttpEndpoint).GetValueAsync(stoppingToken))!.TrimEnd('/');
        }

        if (settings.DashboardUrl is { } dashboardUrl)
        {
            entries["DASHBOARD_URL"] = dashboardUrl;
        }

        foreach (var extra in extraEntries)
        {
            entries[extra.Key] = await extra.ResolveValue(stoppingToken) ?? "";
        }

        entries["PLATFORM_READY_RUN_ID"] = settings.RunId ?? "";
        PlatformEnvFile.Set(settings.EnvFilePath, entries);
        var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Log.Ready(logger, string.Join(", ", settings.ResourceNames), (long)sinceStart.TotalMilliseconds, settings.EnvFilePath);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "PlatformReady", Level = LogLevel.Information,
            Message = "Resources {ResourceNames} are healthy {ElapsedMilliseconds} ms after the AppHost started; addresses written to {EnvFile}")]
        public static partial void Ready(ILogger logger, string resourceNames, long elapsedMilliseconds, string envFile);

        [LoggerMessage(EventId = 2, EventName = "WaitingForResource", Level = LogLevel.Debug,
            Message = "Waiting for resource {ResourceName} to become healthy")]
        public static partial void Waiting(ILogger logger, string resourceName);
    }
}
