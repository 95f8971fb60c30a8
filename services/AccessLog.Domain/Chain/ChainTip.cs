using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Chain;

/// <summary>
/// The newest point of a person's chain, which the next entry links to. An empty chain's tip has
/// sequence 0 and the genesis hash.
/// </summary>
public sealed record ChainTip(string ChainId, long Sequence, string Hash, DateTimeOffset? RecordedAt)
{
    public static ChainTip Start(string chainId) => new(chainId, 0, ChainHashing.Genesis(chainId), null);

    public static ChainTip After(string chainId, ChainEntry last) => new(chainId, last.Sequence, last.EntryHash, last.RecordedAt);

    /// <summary>
    /// Appends <paramref name="record"/> with a new random salt, signs the new head and returns the
    /// entry to store with the new tip. The caller stores the entry and the tip atomically, so that
    /// two appends never share a sequence number.
    /// </summary>
    public ChainAppend Append(LogRecord record, DateTimeOffset now, ChainSigner signer) =>
        Append(record, now, signer, ChainHashing.NewSalt());

    /// <summary>Appends with a given salt. Only tests and test vectors choose the salt.</summary>
    public ChainAppend Append(LogRecord record, DateTimeOffset now, ChainSigner signer, string salt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(signer);

        // Entry times never go backwards, even if the clock does, because verifiers reject that.
        var recordedAt = Instants.Truncate(now);
        if (RecordedAt is { } previous && recordedAt < previous)
        {
            recordedAt = previous;
        }

        var recordJson = record.ToJson();
        var commitment = ChainHashing.Commitment(salt, CanonicalJson.Serialize(recordJson));
        var sequence = Sequence + 1;
        var entryHash = ChainHashing.Entry(Hash, sequence, recordedAt, commitment);

        var head = signer.SignHead(ChainId, sequence, entryHash, recordedAt);
        var entry = new ChainEntry(sequence, recordedAt, commitment, entryHash, head.Signature, new RevealedContent(salt, recordJson));
        return new ChainAppend(entry, new ChainTip(ChainId, sequence, entryHash, recordedAt), head);
    }
}

/// <summary>Result of an append: the entry to store, the new tip and the new signed head.</summary>
public sealed record ChainAppend(ChainEntry Entry, ChainTip Tip, SignedHead Head);
