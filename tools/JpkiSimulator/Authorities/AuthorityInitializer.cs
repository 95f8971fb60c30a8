using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>Loads or creates the CAs at start-up, so their certificates are on disk before the first request.</summary>
public sealed class AuthorityInitializer(AuthorityStore authorities) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        authorities.LoadAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready once the CAs are loaded.</summary>
public sealed class AuthorityHealthCheck(AuthorityStore authorities) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(authorities.IsLoaded
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The test CAs are not loaded yet."));
}
