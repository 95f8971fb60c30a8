using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MynaPlatform.Authentication.Sessions;

/// <summary>
/// Loads the revoked sessions from <see cref="IRevokedSessionSource"/> at start and again every
/// <see cref="PlatformAuthenticationOptions.RevokedSessionReloadInterval"/>, so a validator that
/// missed a <c>SessionRevoked</c> message still catches up. Until the first load succeeds the
/// health check reports unhealthy, so the service is not marked ready with an empty set.
/// </summary>
public sealed partial class RevokedSessionLoader(
    IRevokedSessionSource source,
    RevokedSessions sessions,
    IOptions<PlatformAuthenticationOptions> options,
    TimeProvider clock,
    ILogger<RevokedSessionLoader> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "revoked-sessions";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);

    private volatile bool loaded;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(loaded
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The revoked sessions have not been loaded from the identity service yet."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.Value;
            var succeeded = await TryLoadAsync(settings.RevokedSessionRetention, stoppingToken);
            sessions.Prune(settings.RevokedSessionRetention);

            var wait = succeeded ? settings.RevokedSessionReloadInterval : retry;
            retry = succeeded ? FirstRetry : TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    private async Task<bool> TryLoadAsync(TimeSpan retention, CancellationToken stoppingToken)
    {
        try
        {
            var revoked = await source.ListAsync(clock.GetUtcNow() - retention, stoppingToken);
            foreach (var session in revoked)
            {
                sessions.Add(session.SessionId, session.RevokedAt);
            }

            loaded = true;
            Log.Loaded(logger, revoked.Count);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.LoadFailed(logger, exception);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RevokedSessionsLoaded", Level = LogLevel.Debug,
            Message = "Loaded {SessionCount} revoked sessions")]
        public static partial void Loaded(ILogger logger, int sessionCount);

        [LoggerMessage(EventId = 2, EventName = "RevokedSessionsLoadFailed", Level = LogLevel.Warning,
            Message = "Loading the revoked sessions failed; retrying")]
        public static partial void LoadFailed(ILogger logger, Exception exception);
    }
}
