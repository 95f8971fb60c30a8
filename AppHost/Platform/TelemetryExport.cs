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
    /// The setting for the fraction of new traces that the services record and export, from above 0
    /// to 1. Unset, every trace is recorded.
    /// </summary>
    public const string TraceSampleRatioKey = "Platform:TraceSampleRatio";

    /// <summary>
    /// Removes the OTLP exporter settings that Aspire gives every project when
    /// <c>Platform:TelemetryExport</c> is false, so that a benchmark can measure the services without
    /// the cost of sending traces, metrics and logs to the dashboard. The services then record
    /// telemetry in process only, because they export only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IDistributedApplicationBuilder WithTelemetryExportSetting(this IDistributedApplicationBuilder builder)
    {
        // The sample ratio is checked and applied with or without export, so a wrong value never passes unnoticed.
        builder.WithTraceSampleRatio();
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

    /// <summary>
    /// Gives every project OpenTelemetry's parent-based trace-ID ratio sampler with the ratio of
    /// <see cref="TraceSampleRatioKey"/> (<c>OTEL_TRACES_SAMPLER</c>, <c>OTEL_TRACES_SAMPLER_ARG</c>).
    /// A trace is kept or dropped where it starts (at the gateway for a request), and the services follow
    /// that decision in <c>traceparent</c>, so a kept trace stays whole. Logs and metrics are not sampled.
    /// </summary>
    private static IDistributedApplicationBuilder WithTraceSampleRatio(this IDistributedApplicationBuilder builder)
    {
        var setting = builder.Configuration[TraceSampleRatioKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return builder;
        }

        // double.TryParse reads "NaN" and "Infinity" whatever the number styles, so those are rejected here as well.
        if (!double.TryParse(setting, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio)
            || !double.IsFinite(ratio) || ratio is <= 0 or > 1)
        {
            throw new InvalidOperationException(
                $"{TraceSampleRatioKey} is '{setting}'. Set it to a number above 0 and at most 1, such as 0.1 to keep one trace in ten, or leave it unset to keep every trace.");
        }

        var value = ratio.ToString(CultureInfo.InvariantCulture);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
                context.EnvironmentVariables["OTEL_TRACES_SAMPLER_ARG"] = value;
            });
        }

        return builder;
    }
}
