using MongoDB.Bson.Serialization.Attributes;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Storage;

/// <summary>
/// A person's chain in MongoDB, keyed by PersonId. <see cref="Sequence"/> doubles as the version
/// that an append names, so two appends racing for the same tip cannot both win. Instants are kept
/// as the canonical text (<c>2025-04-01T00:30:00.123Z</c>) so they round-trip exactly.
/// </summary>
internal sealed class MongoChainDocument
{
    [BsonId]
    public string PersonId { get; set; } = "";

    public string ChainId { get; set; } = "";

    public long Sequence { get; set; }

    public string HeadHash { get; set; } = "";

    public string? RecordedAt { get; set; }

    public MongoSignature? Head { get; set; }

    public MongoCheckpoint? Checkpoint { get; set; }

    public PersonChain ToChain()
    {
        var tip = new ChainTip(ChainId, Sequence, HeadHash, RecordedAt is null ? null : StoredContent.ReadInstant(RecordedAt));
        return new PersonChain(ChainId, tip, Head?.ToSignature(), Checkpoint?.ToCheckpoint(ChainId));
    }
}

internal sealed class MongoSignature
{
    public string SignedAt { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string Value { get; set; } = "";

    public static MongoSignature From(HeadSignature signature) =>
        new() { SignedAt = Instants.Format(signature.SignedAt), KeyId = signature.KeyId, Value = signature.Value };

    public HeadSignature ToSignature() => new(StoredContent.ReadInstant(SignedAt), KeyId, Value);
}

internal sealed class MongoCheckpoint
{
    public long Sequence { get; set; }

    public string EntryHash { get; set; } = "";

    public string RecordedAt { get; set; } = "";

    public MongoSignature Signature { get; set; } = new();

    public static MongoCheckpoint From(SignedCheckpoint checkpoint) => new()
    {
        Sequence = checkpoint.Sequence,
        EntryHash = checkpoint.EntryHash,
        RecordedAt = Instants.Format(checkpoint.RecordedAt),
        Signature = MongoSignature.From(checkpoint.Signature),
    };

    public SignedCheckpoint ToCheckpoint(string chainId) =>
        new(chainId, Sequence, EntryHash, StoredContent.ReadInstant(RecordedAt), Signature.ToSignature());
}

/// <summary>One entry in MongoDB; the id is <c>{chainId}:{sequence}</c> and (ChainId, Sequence) is unique.</summary>
internal sealed class MongoEntryDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string ChainId { get; set; } = "";

    public long Sequence { get; set; }

    public string PersonId { get; set; } = "";

    public string RecordedAt { get; set; } = "";

    public string Commitment { get; set; } = "";

    public string EntryHash { get; set; } = "";

    public MongoSignature Signature { get; set; } = new();

    public string Salt { get; set; } = "";

    /// <summary>The canonical JSON text the commitment covers, kept as text so no re-encoding changes it.</summary>
    public string Content { get; set; } = "";

    public string Kind { get; set; } = "";

    public string OccurredAt { get; set; } = "";

    public List<string> AgencyIds { get; set; } = [];

    public string TaskSearch { get; set; } = "";

    public string? WithheldUntil { get; set; }

    public string SourceKey { get; set; } = "";

    public static string IdOf(string chainId, long sequence) => $"{chainId}:{sequence}";

    public static MongoEntryDocument From(string personId, string chainId, ChainEntry entry, NewRecord record) => new()
    {
        Id = IdOf(chainId, entry.Sequence),
        ChainId = chainId,
        Sequence = entry.Sequence,
        PersonId = personId,
        RecordedAt = Instants.Format(entry.RecordedAt),
        Commitment = entry.Commitment,
        EntryHash = entry.EntryHash,
        Signature = MongoSignature.From(entry.Signature),
        Salt = entry.Content!.Salt,
        Content = StoredContent.Write(entry.Content),
        Kind = record.Index.Kind,
        OccurredAt = Instants.Format(record.Index.OccurredAt),
        AgencyIds = [.. record.Index.AgencyIds],
        TaskSearch = StoredContent.TaskSearch(record.Index),
        WithheldUntil = StoredContent.WriteDate(record.Index.WithheldUntil),
        SourceKey = record.SourceKey,
    };

    public ChainEntry ToEntry() => new(
        Sequence, StoredContent.ReadInstant(RecordedAt), Commitment, EntryHash, Signature.ToSignature(), StoredContent.Read(Salt, Content));
}

internal sealed class MongoSigningKeyDocument
{
    [BsonId]
    public string KeyId { get; set; } = "";

    public string PrivateKeyPem { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
