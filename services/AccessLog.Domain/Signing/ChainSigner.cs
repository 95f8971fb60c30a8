using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;

namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>Signs chain heads and retention checkpoints with the current signing key.</summary>
public sealed class ChainSigner(ChainSigningKey key)
{
    public string KeyId => key.KeyId;

    public SignedHead SignHead(string chainId, long sequence, string headHash, DateTimeOffset signedAt)
    {
        signedAt = Instants.Truncate(signedAt);
        var payload = SignaturePayloads.Head(chainId, sequence, headHash, signedAt, key.KeyId);
        return new SignedHead(chainId, sequence, headHash, new HeadSignature(signedAt, key.KeyId, key.Sign(payload)));
    }

    /// <summary>Signs the head of a chain at <paramref name="tip"/>, including an empty chain's.</summary>
    public SignedHead SignHead(ChainTip tip, DateTimeOffset signedAt) => SignHead(tip.ChainId, tip.Sequence, tip.Hash, signedAt);

    /// <summary>Signs the checkpoint that replaces every entry up to and including <paramref name="lastRemoved"/>.</summary>
    public SignedCheckpoint SignCheckpoint(string chainId, ChainEntry lastRemoved, DateTimeOffset signedAt)
    {
        signedAt = Instants.Truncate(signedAt);
        var payload = SignaturePayloads.Checkpoint(chainId, lastRemoved.Sequence, lastRemoved.EntryHash, lastRemoved.RecordedAt, signedAt, key.KeyId);
        return new SignedCheckpoint(
            chainId, lastRemoved.Sequence, lastRemoved.EntryHash, lastRemoved.RecordedAt,
            new HeadSignature(signedAt, key.KeyId, key.Sign(payload)));
    }
}
