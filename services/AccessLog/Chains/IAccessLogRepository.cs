using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Chains;

/// <summary>Storage of the people's chains. Every adapter serialises the appends to one chain.</summary>
public interface IAccessLogRepository
{
    /// <summary>Returns the person's chain, creating an empty one with a new random chain id at the first call.</summary>
    Task<PersonChain> GetOrCreateChainAsync(string personId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one record to the person's chain in one transaction: records the inbox entry (if
    /// any), returns the existing record when its source key is known, else calls
    /// <paramref name="append"/> with the current tip and stores the entry and the new tip.
    /// </summary>
    /// <exception cref="Storage.ConcurrencyConflictException">Another writer moved the tip first; retry.</exception>
    Task<AppendOutcome> AppendAsync(
        string personId, NewRecord record, InboxReceipt? inbox, Func<ChainTip, ChainAppend> append, CancellationToken cancellationToken);

    /// <summary>Returns the entries with <paramref name="after"/> &lt; sequence ≤ <paramref name="through"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChainEntry>> ReadEntriesAsync(string chainId, long after, long through, int limit, CancellationToken cancellationToken);

    Task<RecordPage> SearchAsync(string personId, RecordQuery query, CancellationToken cancellationToken);

    /// <summary>Returns, per chain, the newest entry recorded before <paramref name="cutoff"/>; at most <paramref name="limit"/> chains.</summary>
    Task<IReadOnlyList<PruneCandidate>> FindPrunableAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entries up to the checkpoint's sequence and stores the checkpoint in one
    /// transaction; returns the number of entries removed (0 when a newer checkpoint is stored).
    /// </summary>
    Task<int> PruneAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken);

    Task<AccessLogCounts> CountAsync(DateOnly japanToday, CancellationToken cancellationToken);
}
