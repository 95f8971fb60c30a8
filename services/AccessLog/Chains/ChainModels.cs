using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Chains;

/// <summary>
/// A person's chain as stored: its tip, the signature of the head at the tip (null while the chain
/// is empty) and the retention checkpoint, if entries were pruned.
/// </summary>
public sealed record PersonChain(string ChainId, ChainTip Tip, HeadSignature? HeadSignature, SignedCheckpoint? Checkpoint);

/// <summary>
/// The columns a person's searches use, derived from the record when it is appended. They repeat
/// what the hashed content contains, so the content stays the only source the verifier checks.
/// </summary>
/// <param name="Kind">The record's <c>kind</c>.</param>
/// <param name="OccurredAt">When the exchange's data was provided or the access happened.</param>
/// <param name="AgencyIds">Registered agency ids the record names (both parties, or the accessing agency).</param>
/// <param name="Task">The administrative task (事務) or the purpose of the access.</param>
/// <param name="WithheldUntil">Japan date from which the person may see the record.</param>
public sealed record EntryIndex(string Kind, DateTimeOffset OccurredAt, IReadOnlyList<string> AgencyIds, string Task, DateOnly? WithheldUntil);

/// <summary>
/// A record to append, with the key that makes its source idempotent: the agency's own record id
/// for an exchange, the access id for a platform access.
/// </summary>
public sealed record NewRecord(Domain.Records.LogRecord Record, string SourceKey, EntryIndex Index);

/// <summary>The inbox entry to record in the same transaction as the append.</summary>
public sealed record InboxReceipt(Guid MessageId, string Consumer);

public enum AppendStatus
{
    Appended,

    /// <summary>A record with the same source key exists; <see cref="AppendOutcome.Entry"/> is that record.</summary>
    DuplicateSource,

    /// <summary>
    /// A record with the same source key exists in another person's chain; nothing was appended, and
    /// <see cref="AppendOutcome.Entry"/> is null, so that record is not shown to this caller.
    /// </summary>
    DuplicateSourceOfOtherPerson,

    /// <summary>The inbox had processed the message before; nothing was appended.</summary>
    DuplicateMessage,
}

public sealed record AppendOutcome(AppendStatus Status, ChainEntry? Entry);

/// <summary>The last entry that retention removes from one chain.</summary>
public sealed record PruneCandidate(string ChainId, ChainEntry LastRemoved);

/// <summary>A person's search: optional filters, newest first, one page.</summary>
/// <param name="AgencyId">Only records that name this registered agency.</param>
/// <param name="TaskPattern">SQL LIKE pattern over the normalised task (see MynaPlatform.Text.LikePattern).</param>
/// <param name="TaskText">The normalised task text, for providers that match substrings themselves.</param>
/// <param name="OccurredFrom">Inclusive lower bound of the occurrence instant.</param>
/// <param name="OccurredBefore">Exclusive upper bound of the occurrence instant.</param>
/// <param name="VisibleOn">Japan date of today: records withheld past it are left out.</param>
public sealed record RecordQuery(
    string? AgencyId,
    string? TaskPattern,
    string? TaskText,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredBefore,
    DateOnly VisibleOn,
    int Skip,
    int Take);

/// <summary>One page of a person's records, newest first, with the number of all that match.</summary>
public sealed record RecordPage(IReadOnlyList<ChainEntry> Entries, long Total);

/// <summary>Totals an operator may see; no field identifies a person or a record.</summary>
public sealed record AccessLogCounts(long Chains, long Entries, long ExchangeEntries, long PlatformAccessEntries, long WithheldEntries, long Checkpoints);
