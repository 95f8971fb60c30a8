using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Verification;

/// <summary>Walks the entries from the start point to the head, checking each one in the documented order.</summary>
internal sealed class EntryWalk(SignedHead head, TrustedKeys keys, RememberedHead? remembered, ChainAnchor start)
{
    private readonly List<VerifiedEntry> _verified = [];

    public IReadOnlyList<VerifiedEntry> Verified => _verified;

    public VerificationFailure? Run(IReadOnlyList<ChainEntry> entries)
    {
        var expected = start.Sequence + 1;
        var previousHash = start.Hash;
        var previousTime = start.RecordedAt;

        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var failure = CheckPosition(entries, index, expected) ?? CheckTime(entry, previousTime) ?? CheckContent(entry);
            if (failure is not null)
            {
                return failure;
            }

            var computed = ChainHashing.Entry(previousHash, entry.Sequence, entry.RecordedAt, entry.Commitment);
            failure = CheckRemembered(entry, computed) ?? CheckStoredHash(entry, computed) ?? CheckSignature(entry, computed);
            if (failure is not null)
            {
                return failure;
            }

            _verified.Add(new VerifiedEntry(entry.Sequence, previousHash, computed, entry.RecordedAt, entry.IsPlaceholder));
            previousHash = computed;
            previousTime = entry.RecordedAt;
            expected++;
        }

        if (expected <= head.Sequence)
        {
            return new(ChainReasonCodes.EntryMissing, expected,
                $"The head has {head.Sequence} entries, but the entries end at {expected - 1}.");
        }

        return previousHash == head.HeadHash
            ? null
            : new(ChainReasonCodes.HeadHashMismatch, head.Sequence,
                $"The entries lead to hash {previousHash}, but the signed head states {head.HeadHash}.");
    }

    private VerificationFailure? CheckPosition(IReadOnlyList<ChainEntry> entries, int index, long expected)
    {
        var sequence = entries[index].Sequence;
        if (sequence == expected)
        {
            return sequence > head.Sequence
                ? new(ChainReasonCodes.EntryUnexpected, sequence, $"Entry {sequence} comes after the signed head at {head.Sequence}.")
                : null;
        }

        if (sequence < expected)
        {
            return new(ChainReasonCodes.EntryDuplicated, sequence,
                $"Entry {sequence} appears again where entry {expected} should be.");
        }

        var comesLater = entries.Skip(index + 1).Any(entry => entry.Sequence == expected);
        return comesLater
            ? new(ChainReasonCodes.EntryOutOfOrder, expected, $"Entry {expected} comes after entry {sequence}.")
            : new(ChainReasonCodes.EntryMissing, expected, $"Entry {expected} is missing; the next entry is {sequence}.");
    }

    private static VerificationFailure? CheckTime(ChainEntry entry, DateTimeOffset? previousTime) =>
        previousTime is { } previous && entry.RecordedAt < previous
            ? new(ChainReasonCodes.EntryTimeOutOfOrder, entry.Sequence,
                $"Entry {entry.Sequence} was recorded at {Instants.Format(entry.RecordedAt)}, before the entry it follows ({Instants.Format(previous)}).")
            : null;

    private static VerificationFailure? CheckContent(ChainEntry entry)
    {
        if (entry.Content is not { } content)
        {
            return null;
        }

        string commitment;
        try
        {
            commitment = ChainHashing.Commitment(content.Salt, CanonicalJson.Serialize(content.Record));
        }
        catch (Exception failure) when (failure is CanonicalFormException or ArgumentException)
        {
            return new(ChainReasonCodes.ContentInvalid, entry.Sequence, $"The content of entry {entry.Sequence} is invalid: {failure.Message}");
        }

        return commitment == entry.Commitment
            ? null
            : new(ChainReasonCodes.ContentMismatch, entry.Sequence,
                $"The content of entry {entry.Sequence} does not match its commitment.");
    }

    private VerificationFailure? CheckRemembered(ChainEntry entry, string computed)
    {
        if (remembered is null || entry.Sequence != remembered.Sequence)
        {
            return null;
        }

        if (computed == remembered.HeadHash && entry.EntryHash == remembered.HeadHash)
        {
            return null;
        }

        var code = head.Sequence == remembered.Sequence ? ChainReasonCodes.HistoryRewritten : ChainReasonCodes.HistoryForked;
        return new(code, entry.Sequence, $"Entry {entry.Sequence}, the remembered head, now has a different hash.");
    }

    private static VerificationFailure? CheckStoredHash(ChainEntry entry, string computed) =>
        computed == entry.EntryHash
            ? null
            : new(ChainReasonCodes.EntryHashMismatch, entry.Sequence,
                $"Entry {entry.Sequence} does not link to the entry before it: its stored hash differs from the computed {computed}.");

    private VerificationFailure? CheckSignature(ChainEntry entry, string computed)
    {
        var signature = entry.Signature;
        var payload = SignaturePayloads.Head(head.ChainId, entry.Sequence, computed, signature.SignedAt, signature.KeyId);

        return keys.Check(signature.KeyId, payload, signature.Value) switch
        {
            SignatureCheck.UnknownKey => new(ChainReasonCodes.SigningKeyUnknown, entry.Sequence,
                $"Entry {entry.Sequence} is signed with key '{signature.KeyId}', which is not among the trusted keys."),
            SignatureCheck.Invalid => new(ChainReasonCodes.EntrySignatureInvalid, entry.Sequence,
                $"The signature of entry {entry.Sequence} does not verify."),
            _ => null,
        };
    }
}
