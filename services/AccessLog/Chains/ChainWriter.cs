using MynaPlatform.AccessLog.Signing;
using MynaPlatform.Storage;

namespace MynaPlatform.AccessLog.Chains;

/// <summary>
/// Appends records to people's chains. The repository serialises appends to one chain; when a
/// MongoDB writer loses the race for the tip, the append is tried again on the new tip.
/// </summary>
public sealed partial class ChainWriter(IAccessLogRepository repository, SigningKeyRing keys, TimeProvider clock, ILogger<ChainWriter> logger)
{
    private const int MaxAttempts = 5;

    public async Task<AppendOutcome> AppendAsync(string personId, NewRecord record, InboxReceipt? inbox, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await repository.AppendAsync(
                    personId, record, inbox, tip => tip.Append(record.Record, clock.GetUtcNow(), keys.Signer), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                Log.AppendRetried(logger, attempt);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ChainAppendRetried", Level = LogLevel.Debug,
            Message = "Another writer moved the chain's tip first; append attempt {Attempt} is retried")]
        public static partial void AppendRetried(ILogger logger, int attempt);
    }
}
