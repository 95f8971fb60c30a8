using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class TelemetryExport
{
    public const string ExportKey = "Platform:TelemetryExport";

    /// <summary>The setting for how long the services' trace and log exporters wait between two batches.</summary>
    public const string BatchDelayKey = "Platform:TelemetryBatchDelayMilliseconds";

    /// <summary>
    /// The delay when the setting is unset. The login benchmark's p99 was lower with it than with
    /// Aspire's 1 second, see "Smaller telemetry batches" in docs/benchmarks.md.
    /// </summary>
    public const int DefaultBatchDelay = 200;

    private const int MinBatchDelay = 100;
    private const int MaxBatchDelay = 60_000;

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
            return builder.WithTelemetryBatchDelay();
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

    /// <summary>
    /// Sets the delay between two export batches of traces and of logs (<c>OTEL_BSP_SCHEDULE_DELAY</c>,
    /// <c>OTEL_BLRP_SCHEDULE_DELAY</c>) of every project to <see cref="BatchDelayKey"/>, or to
    /// <see cref="DefaultBatchDelay"/> when it is unset. Metrics keep Aspire's interval, because their
    /// volume grows with each export, not with the requests.
    /// </summary>
    private static IDistributedApplicationBuilder WithTelemetryBatchDelay(this IDistributedApplicationBuilder builder)
    {
        var setting = builder.Configuration[BatchDelayKey];
        var delay = DefaultBatchDelay;
        if (!string.IsNullOrWhiteSpace(setting)
            && (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out delay) || delay is < MinBatchDelay or > MaxBatchDelay))
        {
            throw new InvalidOperationException(
                $"{BatchDelayKey} is '{setting}'. Set it to a whole number of milliseconds from {MinBatchDelay} to {MaxBatchDelay}, or leave it unset.");
        }

        var value = delay.ToString(CultureInfo.InvariantCulture);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = value;
                context.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = value;
            });
        }

        return builder;
    }
}
