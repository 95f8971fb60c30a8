using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MynaPlatform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>ActivitySource and Meter name of MassTransit's own instrumentation.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>ActivitySource and Meter name that the platform's own libraries use.</summary>
    public const string PlatformSource = "MynaPlatform";

    /// <summary>The log category of ASP.NET Core's request start and finish records.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static TBuilder AddPlatformTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // ASP.NET Core's request records ("Request starting GET /path?q=...") carry the whole query
        // string, where a person's search words and an operator's reason travel, so they stay off
        // whatever level the configuration sets. The server spans keep the path and redact the query.
        builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.Warning);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, PlatformSource))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, MassTransitSource, PlatformSource)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = IsTraced;
                    aspNetCore.EnrichWithHttpRequest = QueryStringRedaction.RedactServerSpan;
                })
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation(http => http.RecordException = true));

        // The dashboard (or any collector) is named by OTEL_EXPORTER_OTLP_ENDPOINT; without it nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        && !context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath);
}
