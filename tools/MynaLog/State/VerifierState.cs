using System.Text.Json.Serialization;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;

namespace MynaPlatform.MynaLog.State;

/// <summary>What <c>myna-log</c> remembers between runs, per gateway origin.</summary>
public sealed class VerifierState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public Dictionary<string, RememberedChain> Gateways { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The last verified head of one chain, the point to resume from, and the keys trusted on first use.
/// <see cref="ResumeAfter"/> is the entry before the earliest one still to re-read: the remembered
/// head itself (so its hash is compared) or a withheld placeholder whose content may appear later.
/// </summary>
public sealed class RememberedChain
{
    public required string ChainId { get; set; }

    public required long Sequence { get; set; }

    public required string HeadHash { get; set; }

    public DateTimeOffset? HeadSignedAt { get; set; }

    public ResumePoint? ResumeAfter { get; set; }

    public List<long> WithheldSequences { get; set; } = [];

    public List<PinnedKey> Keys { get; set; } = [];

    public DateTimeOffset VerifiedAt { get; set; }

    [JsonIgnore]
    public RememberedHead Head => new(ChainId, Sequence, HeadHash);
}

public sealed record ResumePoint(long Sequence, string Hash, DateTimeOffset? RecordedAt)
{
    public ChainAnchor ToAnchor() => new(Sequence, Hash, RecordedAt);
}

/// <summary>A published key as first seen, so a later key set cannot swap it under the same key id.</summary>
public sealed record PinnedKey(string KeyId, string X, string Y)
{
    public PublicJwk ToJwk() => new(KeyId, X, Y);

    public static PinnedKey From(PublicJwk jwk) => new(jwk.KeyId, jwk.X, jwk.Y);
}
