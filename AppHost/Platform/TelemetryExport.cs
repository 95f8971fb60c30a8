using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class TelemetryExport
{
    public const string ExportKey = "Platform:TelemetryExport";

    /// <summary>
    /// Removes the OTLP exporter settings that Aspire gives every project when
    /// <c>Platform:TelemetryExport</c> is false, so that a benchmark can measure the services without
    /// the cost of sending traces, metrics and logs to the dashboard. The services then record
    /// telemetry in process only, because they export only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IDistributedApplicationBuilder WithTelemetryExportSetting(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(ExportKey, defaultValue: true))
        {
            return builder;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // Runs after Aspire's own callback, which adds these variables when the project is added.
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                foreach (var name in context.EnvironmentVariables.Keys.Where(name => name.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal)).ToList())
                {
                    context.EnvironmentVariables.Remove(name);
                }
            });
        }

        return builder;
    }
}
