using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Verification;

/// <summary>
/// What the service serves for one chain: the signed head, the entries in sequence order (all of
/// them after the checkpoint or the anchor, full or placeholder) and the retention checkpoint if any.
/// </summary>
public sealed record ChainEvidence(SignedHead Head, IReadOnlyList<ChainEntry> Entries, SignedCheckpoint? Checkpoint = null);

/// <summary>The head a verifier saw and verified on an earlier run.</summary>
public sealed record RememberedHead(string ChainId, long Sequence, string HeadHash);

/// <summary>
/// A point of the chain the verifier already trusts because it verified it before: the entries
/// given start right after it. Sequence 0 with the genesis hash is the start of every chain.
/// </summary>
public sealed record ChainAnchor(long Sequence, string Hash, DateTimeOffset? RecordedAt);

/// <summary>The first failure found: its reason code, the entry's sequence number when one entry is at fault, and details.</summary>
public sealed record VerificationFailure(string ReasonCode, long? Sequence, string Detail);

/// <summary>An entry whose link was verified, with the hash it links to.</summary>
public sealed record VerifiedEntry(long Sequence, string PreviousHash, string EntryHash, DateTimeOffset RecordedAt, bool IsPlaceholder);

/// <summary>The outcome of one verification. <see cref="Failure"/> is null when everything verified.</summary>
public sealed record VerificationResult(
    VerificationFailure? Failure,
    ChainAnchor? StartedFrom,
    IReadOnlyList<VerifiedEntry> Entries,
    bool? ExtendsRemembered)
{
    public bool IsValid => Failure is null;
}
