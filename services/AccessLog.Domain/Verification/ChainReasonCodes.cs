namespace MynaPlatform.AccessLog.Domain.Verification;

/// <summary>
/// Stable reason codes for verification failures, shared by the access-log service and
/// <c>myna-log</c>. Scripts and tests match on these strings, so a code is never renamed or reused.
/// </summary>
public static class ChainReasonCodes
{
    // One entry of the chain.
    public const string EntryMissing = "ENTRY_MISSING";
    public const string EntryOutOfOrder = "ENTRY_OUT_OF_ORDER";
    public const string EntryDuplicated = "ENTRY_DUPLICATED";
    public const string EntryUnexpected = "ENTRY_UNEXPECTED";
    public const string EntryTimeOutOfOrder = "ENTRY_TIME_OUT_OF_ORDER";
    public const string EntryHashMismatch = "ENTRY_HASH_MISMATCH";
    public const string EntrySignatureInvalid = "ENTRY_SIGNATURE_INVALID";
    public const string ContentMismatch = "CONTENT_MISMATCH";
    public const string ContentInvalid = "CONTENT_INVALID";

    // The signed head, the checkpoint and the keys.
    public const string HeadHashMismatch = "HEAD_HASH_MISMATCH";
    public const string HeadSignatureInvalid = "HEAD_SIGNATURE_INVALID";
    public const string SigningKeyUnknown = "SIGNING_KEY_UNKNOWN";
    public const string CheckpointInvalid = "CHECKPOINT_INVALID";
    public const string CheckpointSignatureInvalid = "CHECKPOINT_SIGNATURE_INVALID";

    // The new head against the head remembered from an earlier run.
    public const string ChainIdChanged = "CHAIN_ID_CHANGED";
    public const string HistoryTruncated = "HISTORY_TRUNCATED";
    public const string HistoryRewritten = "HISTORY_REWRITTEN";
    public const string HistoryForked = "HISTORY_FORKED";
    public const string RememberedHeadPruned = "REMEMBERED_HEAD_PRUNED";

    /// <summary>Tells whether <paramref name="reasonCode"/> means the history differs from the remembered one.</summary>
    public static bool IsHistoryChange(string reasonCode) =>
        reasonCode is ChainIdChanged or HistoryTruncated or HistoryRewritten or HistoryForked or RememberedHeadPruned;
}
