using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MynaPlatform.ServiceDefaults.Correlation;
using MynaPlatform.ServiceDefaults.Problems;
using MynaPlatform.ServiceDefaults.Telemetry;
using MynaPlatform.ServiceDefaults.Time;

namespace MynaPlatform.ServiceDefaults;

/// <summary>
/// Cross-cutting wiring shared by every platform process: telemetry, health, service discovery,
/// resilience, ProblemDetails, API documents and the clock.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddPlatformTelemetry();
        builder.Configuration.AddTestClockFile(builder.Environment);
        builder.Services.AddPlatformClock(builder.Configuration, builder.Environment);
        builder.Services.AddPlatformProblemDetails();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<JsonCharsetMiddleware>();

        // Liveness answers as long as the process runs; readiness runs every registered check.
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });

        return app;
    }
}
