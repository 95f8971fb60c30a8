using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Verification;

/// <summary>
/// Verifies a chain against a signed head and reports the first failure. The order of the checks is
/// part of the documented algorithm: the head's signature, the head against the remembered head,
/// the checkpoint, then every entry from the start point, then the head hash.
/// </summary>
public static class ChainVerifier
{
    /// <param name="evidence">The head, entries and checkpoint as served.</param>
    /// <param name="keys">Public keys the verifier trusts.</param>
    /// <param name="remembered">Head verified on an earlier run, if any.</param>
    /// <param name="anchor">Trusted point that the entries start after; null to start at the genesis or the checkpoint.</param>
    public static VerificationResult Verify(
        ChainEvidence evidence, TrustedKeys keys, RememberedHead? remembered = null, ChainAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(keys);

        var head = evidence.Head;
        var failure = CheckHead(head, keys) ?? CheckAgainstRemembered(head, remembered);
        if (failure is not null)
        {
            return new VerificationResult(failure, null, [], null);
        }

        var (start, startFailure) = ChooseStart(evidence, keys, remembered, anchor);
        if (startFailure is not null)
        {
            return new VerificationResult(startFailure, null, [], null);
        }

        var walk = new EntryWalk(head, keys, remembered, start!);
        failure = walk.Run(evidence.Entries);
        var extends = failure is null && remembered is not null ? true : (bool?)null;
        return new VerificationResult(failure, start, walk.Verified, extends);
    }

    private static VerificationFailure? CheckHead(SignedHead head, TrustedKeys keys) =>
        keys.Check(head.Signature.KeyId, SignaturePayloads.Head(head), head.Signature.Value) switch
        {
            SignatureCheck.UnknownKey => new(ChainReasonCodes.SigningKeyUnknown, null,
                $"The head is signed with key '{head.Signature.KeyId}', which is not among the trusted keys."),
            SignatureCheck.Invalid => new(ChainReasonCodes.HeadSignatureInvalid, null,
                $"The signature of the head (sequence {head.Sequence}) does not verify with key '{head.Signature.KeyId}'."),
            _ => null,
        };

    private static VerificationFailure? CheckAgainstRemembered(SignedHead head, RememberedHead? remembered)
    {
        if (remembered is null)
        {
            return null;
        }

        if (head.ChainId != remembered.ChainId)
        {
            return new(ChainReasonCodes.ChainIdChanged, null,
                $"The head is for chain {head.ChainId}, but the remembered head is for chain {remembered.ChainId}.");
        }

        if (head.Sequence < remembered.Sequence)
        {
            return new(ChainReasonCodes.HistoryTruncated, head.Sequence + 1,
                $"The head has {head.Sequence} entries, fewer than the {remembered.Sequence} remembered.");
        }

        if (head.Sequence == remembered.Sequence && head.HeadHash != remembered.HeadHash)
        {
            return new(ChainReasonCodes.HistoryRewritten, head.Sequence,
                $"The head at sequence {head.Sequence} has a different hash from the remembered head.");
        }

        return null;
    }

    private static (ChainAnchor? Start, VerificationFailure? Failure) ChooseStart(
        ChainEvidence evidence, TrustedKeys keys, RememberedHead? remembered, ChainAnchor? anchor)
    {
        var checkpoint = evidence.Checkpoint;
        if (checkpoint is null)
        {
            return (anchor ?? new ChainAnchor(0, ChainHashing.Genesis(evidence.Head.ChainId), null), null);
        }

        var failure = CheckCheckpoint(checkpoint, evidence.Head, keys);
        if (failure is not null || (anchor is not null && anchor.Sequence >= checkpoint.Sequence))
        {
            return (anchor, failure);
        }

        if (remembered is not null && remembered.Sequence < checkpoint.Sequence)
        {
            return (null, new(ChainReasonCodes.RememberedHeadPruned, remembered.Sequence,
                $"Entries up to {checkpoint.Sequence} were removed by retention, including the remembered head at {remembered.Sequence}, so continuity cannot be checked."));
        }

        if (remembered is not null && remembered.Sequence == checkpoint.Sequence && remembered.HeadHash != checkpoint.EntryHash)
        {
            return (null, new(ChainReasonCodes.HistoryForked, remembered.Sequence,
                $"The checkpoint at sequence {checkpoint.Sequence} has a different hash from the remembered head."));
        }

        return (new ChainAnchor(checkpoint.Sequence, checkpoint.EntryHash, checkpoint.RecordedAt), null);
    }

    private static VerificationFailure? CheckCheckpoint(SignedCheckpoint checkpoint, SignedHead head, TrustedKeys keys)
    {
        if (checkpoint.ChainId != head.ChainId || checkpoint.Sequence < 1 || checkpoint.Sequence > head.Sequence)
        {
            return new(ChainReasonCodes.CheckpointInvalid, checkpoint.Sequence,
                $"The checkpoint (chain {checkpoint.ChainId}, sequence {checkpoint.Sequence}) does not belong to chain {head.ChainId} at sequence {head.Sequence}.");
        }

        return keys.Check(checkpoint.Signature.KeyId, SignaturePayloads.Checkpoint(checkpoint), checkpoint.Signature.Value) switch
        {
            SignatureCheck.UnknownKey => new(ChainReasonCodes.SigningKeyUnknown, checkpoint.Sequence,
                $"The checkpoint is signed with key '{checkpoint.Signature.KeyId}', which is not among the trusted keys."),
            SignatureCheck.Invalid => new(ChainReasonCodes.CheckpointSignatureInvalid, checkpoint.Sequence,
                $"The signature of the checkpoint at sequence {checkpoint.Sequence} does not verify."),
            _ => null,
        };
    }
}
