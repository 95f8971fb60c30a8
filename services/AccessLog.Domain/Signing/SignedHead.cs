namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>A signed statement that the chain <see cref="ChainId"/> has <see cref="Sequence"/> entries and ends at <see cref="HeadHash"/>.</summary>
public sealed record SignedHead(string ChainId, long Sequence, string HeadHash, HeadSignature Signature);

/// <summary>
/// An ES256 signature: <see cref="Value"/> is the 64-byte r‖s value in unpadded base64url, made at
/// <see cref="SignedAt"/> with the published key <see cref="KeyId"/>.
/// </summary>
public sealed record HeadSignature(DateTimeOffset SignedAt, string KeyId, string Value);

/// <summary>
/// A signed statement left by retention pruning: entries up to <see cref="Sequence"/> were removed,
/// and the last of them had the hash <see cref="EntryHash"/> and was recorded at <see cref="RecordedAt"/>.
/// </summary>
public sealed record SignedCheckpoint(string ChainId, long Sequence, string EntryHash, DateTimeOffset RecordedAt, HeadSignature Signature);
