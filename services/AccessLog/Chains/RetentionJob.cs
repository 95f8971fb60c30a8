using Microsoft.Extensions.Options;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Signing;

namespace MynaPlatform.AccessLog.Chains;

/// <summary>The outcome of one retention run.</summary>
public sealed record RetentionRun(DateTimeOffset Cutoff, int ChainsPruned, int EntriesRemoved);

/// <summary>
/// Removes entries older than the retention period, a prefix of each chain because entry times
/// never decrease, and leaves a signed checkpoint for the last entry removed, from which the rest
/// of the chain verifies. Runs every <see cref="AccessLogOptions.RetentionInterval"/> and on an
/// operator's request.
/// </summary>
public sealed partial class RetentionJob(
    IAccessLogRepository repository,
    SigningKeyRing keys,
    TimeProvider clock,
    IOptions<AccessLogOptions> options,
    ILogger<RetentionJob> logger) : BackgroundService
{
    private const int ChainsPerBatch = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cutoff = new RetentionPolicy(options.Value.RetentionYears).CutoffAt(clock.GetUtcNow());
            int chains = 0, removed = 0;
            while (true)
            {
                var candidates = await repository.FindPrunableAsync(cutoff, ChainsPerBatch, cancellationToken);
                foreach (var candidate in candidates)
                {
                    var checkpoint = keys.Signer.SignCheckpoint(candidate.ChainId, candidate.LastRemoved, clock.GetUtcNow());
                    removed += await repository.PruneAsync(checkpoint, cancellationToken);
                    chains++;
                }

                if (candidates.Count < ChainsPerBatch)
                {
                    break;
                }
            }

            Log.RetentionRan(logger, chains, removed);
            return new RetentionRun(cutoff, chains, removed);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.RetentionInterval, clock, stoppingToken);
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.RetentionFailed(logger, failure);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RetentionRan", Level = LogLevel.Information,
            Message = "Retention removed {EntryCount} entries from {ChainCount} chains and left a signed checkpoint in each")]
        public static partial void RetentionRan(ILogger logger, int chainCount, int entryCount);

        [LoggerMessage(EventId = 2, EventName = "RetentionFailed", Level = LogLevel.Error,
            Message = "The retention run failed; it runs again after the next interval")]
        public static partial void RetentionFailed(ILogger logger, Exception exception);
    }
}
