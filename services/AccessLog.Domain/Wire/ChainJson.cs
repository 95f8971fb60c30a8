using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Wire;

/// <summary>
/// The JSON shapes of the access-log API that verifiers read: the signed head, the entries page
/// and the checkpoint. Readers raise <see cref="FormatException"/> naming the member at fault.
/// </summary>
public static class ChainJson
{
    public static JsonObject Head(SignedHead head) => new()
    {
        ["chainId"] = head.ChainId,
        ["sequence"] = head.Sequence,
        ["headHash"] = head.HeadHash,
        ["signedAt"] = Instants.Format(head.Signature.SignedAt),
        ["keyId"] = head.Signature.KeyId,
        ["signature"] = head.Signature.Value,
    };

    public static SignedHead ReadHead(JsonObject json)
    {
        var reader = new JsonMemberReader(json, "Head");
        return new SignedHead(ReadChainId(reader), ReadSequence(reader, minimum: 0), reader.Hex("headHash", ChainHashing.HashSize), ReadSignature(reader));
    }

    public static JsonObject Entry(ChainEntry entry)
    {
        var json = new JsonObject
        {
            ["sequence"] = entry.Sequence,
            ["recordedAt"] = Instants.Format(entry.RecordedAt),
            ["commitment"] = entry.Commitment,
            ["entryHash"] = entry.EntryHash,
            ["signedAt"] = Instants.Format(entry.Signature.SignedAt),
            ["keyId"] = entry.Signature.KeyId,
            ["signature"] = entry.Signature.Value,
        };

        if (entry.Content is { } content)
        {
            json["salt"] = content.Salt;
            json["content"] = content.Record.DeepClone();
        }

        return json;
    }

    public static ChainEntry ReadEntry(JsonObject json)
    {
        var reader = new JsonMemberReader(json, "Entry");
        var sequence = ReadSequence(reader, minimum: 1);
        reader = new JsonMemberReader(json, $"Entry {sequence}");

        var salt = reader.OptionalText("salt");
        var record = reader.OptionalObject("content");
        if ((salt is null) != (record is null))
        {
            throw new FormatException($"Entry {sequence} must have both 'salt' and 'content' or neither.");
        }

        var content = salt is null ? null : new RevealedContent(reader.Hex("salt", ChainHashing.SaltSize), (JsonObject)record!.DeepClone());
        return new ChainEntry(
            sequence,
            reader.Instant("recordedAt"),
            reader.Hex("commitment", ChainHashing.HashSize),
            reader.Hex("entryHash", ChainHashing.HashSize),
            ReadSignature(reader),
            content);
    }

    public static JsonObject Checkpoint(SignedCheckpoint checkpoint) => new()
    {
        ["chainId"] = checkpoint.ChainId,
        ["sequence"] = checkpoint.Sequence,
        ["entryHash"] = checkpoint.EntryHash,
        ["recordedAt"] = Instants.Format(checkpoint.RecordedAt),
        ["signedAt"] = Instants.Format(checkpoint.Signature.SignedAt),
        ["keyId"] = checkpoint.Signature.KeyId,
        ["signature"] = checkpoint.Signature.Value,
    };

    public static SignedCheckpoint ReadCheckpoint(JsonObject json)
    {
        var reader = new JsonMemberReader(json, "Checkpoint");
        return new SignedCheckpoint(
            ReadChainId(reader),
            ReadSequence(reader, minimum: 1),
            reader.Hex("entryHash", ChainHashing.HashSize),
            reader.Instant("recordedAt"),
            ReadSignature(reader));
    }

    public static JsonObject Page(EntryPage page)
    {
        var json = new JsonObject
        {
            ["chainId"] = page.ChainId,
            ["entries"] = new JsonArray(page.Entries.Select(entry => (JsonNode)Entry(entry)).ToArray()),
        };

        if (page.Checkpoint is not null)
        {
            json["checkpoint"] = Checkpoint(page.Checkpoint);
        }

        if (page.NextAfter is { } nextAfter)
        {
            json["nextAfter"] = nextAfter;
        }

        return json;
    }

    public static EntryPage ReadPage(JsonObject json)
    {
        var reader = new JsonMemberReader(json, "Entries page");
        var entries = reader.Array("entries")
            .Select(item => item as JsonObject ?? throw new FormatException("An item of the 'entries' array is not an object."))
            .Select(ReadEntry)
            .ToList();
        var checkpoint = reader.OptionalObject("checkpoint");

        return new EntryPage(ReadChainId(reader), entries, checkpoint is null ? null : ReadCheckpoint(checkpoint), reader.OptionalInteger("nextAfter"));
    }

    private static string ReadChainId(JsonMemberReader reader) => reader.Hex("chainId", byteCount: 16);

    private static long ReadSequence(JsonMemberReader reader, long minimum)
    {
        var sequence = reader.Integer("sequence");
        return sequence >= minimum && sequence <= CanonicalJson.MaxSafeInteger
            ? sequence
            : throw new FormatException($"Sequence {sequence} is out of range; it starts at {minimum}.");
    }

    private static HeadSignature ReadSignature(JsonMemberReader reader) =>
        new(reader.Instant("signedAt"), reader.Text("keyId"), reader.Text("signature"));
}

/// <summary>
/// One page of entries in sequence order. <see cref="NextAfter"/> is the value to pass as
/// <c>after</c> for the next page, or null on the last page.
/// </summary>
public sealed record EntryPage(string ChainId, IReadOnlyList<ChainEntry> Entries, SignedCheckpoint? Checkpoint, long? NextAfter);
