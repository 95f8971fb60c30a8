using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Records;

namespace MynaPlatform.AccessLog.Domain.Signing;

/// <summary>
/// The bytes that heads and checkpoints are signed over: canonical JSON objects whose <c>type</c>
/// member keeps a head signature from being replayed as a checkpoint and the other way round.
/// </summary>
public static class SignaturePayloads
{
    public const string HeadType = "myna-log/head";
    public const string CheckpointType = "myna-log/checkpoint";
    public const int Version = 1;

    public static byte[] Head(string chainId, long sequence, string headHash, DateTimeOffset signedAt, string keyId) =>
        CanonicalJson.Serialize(new JsonObject
        {
            ["type"] = HeadType,
            ["version"] = Version,
            ["chainId"] = chainId,
            ["sequence"] = sequence,
            ["headHash"] = headHash,
            ["signedAt"] = Instants.Format(signedAt),
            ["keyId"] = keyId,
        });

    public static byte[] Checkpoint(string chainId, long sequence, string entryHash, DateTimeOffset recordedAt, DateTimeOffset signedAt, string keyId) =>
        CanonicalJson.Serialize(new JsonObject
        {
            ["type"] = CheckpointType,
            ["version"] = Version,
            ["chainId"] = chainId,
            ["sequence"] = sequence,
            ["entryHash"] = entryHash,
            ["recordedAt"] = Instants.Format(recordedAt),
            ["signedAt"] = Instants.Format(signedAt),
            ["keyId"] = keyId,
        });

    public static byte[] Head(SignedHead head) =>
        Head(head.ChainId, head.Sequence, head.HeadHash, head.Signature.SignedAt, head.Signature.KeyId);

    public static byte[] Checkpoint(SignedCheckpoint checkpoint) => Checkpoint(
        checkpoint.ChainId, checkpoint.Sequence, checkpoint.EntryHash, checkpoint.RecordedAt,
        checkpoint.Signature.SignedAt, checkpoint.Signature.KeyId);
}
