using MongoDB.Bson;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Storage;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Storage.Tests.AccessLog;

/// <summary>The access log's MongoDB documents and queries, checked without a server.</summary>
public sealed class AccessLogMappingTests
{
    private const string ChainId = "0123456789abcdef0123456789abcdef";

    private static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 30, 0, 123, TimeSpan.Zero);

    private static readonly ChainSigner Signer = new(ChainSigningKey.Generate("mapping-key"));

    [Fact]
    public void EntryDocument_RoundTrip_KeepsEntryExactly()
    {
        var (entry, record) = AppendOne();

        var bson = Serialize(MongoEntryDocument.From("person-1", ChainId, entry, record));
        var back = Deserialize<MongoEntryDocument>(bson).ToEntry();

        Assert.Equal($"{ChainId}:1", bson["_id"].AsString);
        Assert.Equal(BsonType.Int64, bson["Sequence"].BsonType);
        Assert.Equal("2025-04-01T00:30:00.123Z", bson["RecordedAt"].AsString);
        Assert.Equal(new BsonArray { "agency-r", "agency-p" }, bson["AgencyIds"]);
        Assert.Equal("2026-04-01", bson["WithheldUntil"].AsString);
        Assert.Equal("exchange:agency-r:r-1", bson["SourceKey"].AsString);
        Assert.Equal(entry.EntryHash, back.EntryHash);
        Assert.Equal(entry.RecordedAt, back.RecordedAt);
        Assert.Equal(entry.Signature, back.Signature);
        Assert.Equal(CanonicalJson.Serialize(entry.Content!.Record), CanonicalJson.Serialize(back.Content!.Record));
    }

    [Fact]
    public void ChainDocument_RoundTrip_KeepsTipHeadAndCheckpoint()
    {
        var (entry, _) = AppendOne();
        var checkpoint = Signer.SignCheckpoint(ChainId, entry, Start.AddYears(7));
        var document = new MongoChainDocument
        {
            PersonId = "person-1",
            ChainId = ChainId,
            Sequence = 1,
            HeadHash = entry.EntryHash,
            RecordedAt = Instants.Format(entry.RecordedAt),
            Head = MongoSignature.From(entry.Signature),
            Checkpoint = MongoCheckpoint.From(checkpoint),
        };

        var bson = Serialize(document);
        var chain = Deserialize<MongoChainDocument>(bson).ToChain();

        Assert.Equal("person-1", bson["_id"].AsString);
        Assert.Equal(1, chain.Tip.Sequence);
        Assert.Equal(entry.RecordedAt, chain.Tip.RecordedAt);
        Assert.Equal(entry.Signature, chain.HeadSignature);
        Assert.Equal(checkpoint, chain.Checkpoint);
    }

    [Fact]
    public void AppendQueries_RenderTipGuardAndMove()
    {
        var (entry, _) = AppendOne();
        var append = new ChainAppend(entry, ChainTip.After(ChainId, entry), new SignedHead(ChainId, 1, entry.EntryHash, entry.Signature));

        Assert.Equal(BsonDocument.Parse("""{ "_id": "person-1", "Sequence": NumberLong(0) }"""), Render(MongoAccessLogRepository.TipAt("person-1", 0)));
        Assert.Equal(BsonDocument.Parse("""{ "SourceKey": "exchange:a:1" }"""), Render(MongoAccessLogRepository.BySource("exchange:a:1")));
        var update = Render(MongoAccessLogRepository.MoveTip(append)).AsBsonDocument["$set"].AsBsonDocument;
        Assert.Equal(1, update["Sequence"].AsInt64);
        Assert.Equal(entry.EntryHash, update["HeadHash"].AsString);
        Assert.Equal("2025-04-01T00:30:00.123Z", update["RecordedAt"].AsString);
        Assert.Equal(entry.Signature.Value, update["Head"]["Value"].AsString);
    }

    [Fact]
    public void EntryRange_RendersChainAndBounds()
    {
        Assert.Equal(
            BsonDocument.Parse($$"""{ "ChainId": "{{ChainId}}", "Sequence": { "$gt": NumberLong(3), "$lte": NumberLong(9) } }"""),
            Render(MongoAccessLogRepository.Range(ChainId, 3, 9)));
        Assert.Equal(BsonDocument.Parse("""{ "Sequence": 1 }"""), Render(MongoAccessLogRepository.SequenceAscending));
        Assert.Equal(BsonDocument.Parse("""{ "Sequence": -1 }"""), Render(MongoAccessLogRepository.SequenceDescending));
    }

    [Fact]
    public void SearchFilter_RendersEveryCondition()
    {
        var query = new RecordQuery(
            "agency-x", "%児童%", "児童", new DateTimeOffset(2025, 3, 31, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 1, 15, 0, 0, TimeSpan.Zero),
            new DateOnly(2025, 4, 10), 0, 20);

        var filter = Render(MongoAccessLogRepository.SearchFilter("person-1", query));

        Assert.Equal(BsonDocument.Parse("""
            {
              "PersonId": "person-1",
              "$or": [ { "WithheldUntil": null }, { "WithheldUntil": { "$lte": "2025-04-10" } } ],
              "AgencyIds": "agency-x",
              "TaskSearch": /児童/,
              "OccurredAt": { "$gte": "2025-03-31T15:00:00.000Z", "$lt": "2025-04-01T15:00:00.000Z" }
            }
            """), filter);
    }

    [Fact]
    public void SearchFilter_EscapesRegexCharacters()
    {
        var query = new RecordQuery(null, null, "a.b(c)", null, null, new DateOnly(2025, 4, 10), 0, 20);

        var filter = Render(MongoAccessLogRepository.SearchFilter("person-1", query));

        Assert.Equal(@"a\.b\(c\)", filter["TaskSearch"].AsBsonRegularExpression.Pattern);
    }

    [Fact]
    public void RetentionQueries_RenderCutoffGroupAndCheckpoint()
    {
        var (entry, _) = AppendOne();
        var checkpoint = Signer.SignCheckpoint(ChainId, entry, Start.AddYears(7));

        Assert.Equal(BsonDocument.Parse("""{ "RecordedAt": { "$lt": "2018-04-01T00:00:00.000Z" } }"""),
            Render(MongoAccessLogRepository.RecordedBefore(new DateTimeOffset(2018, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)))));
        Assert.Equal(BsonDocument.Parse("""{ "ChainId": 1, "Sequence": -1 }"""), Render(MongoAccessLogRepository.NewestPerChain));
        Assert.Equal(BsonDocument.Parse($$"""{ "ChainId": "{{ChainId}}", "Sequence": { "$lte": NumberLong(5) } }"""), Render(MongoAccessLogRepository.Through(ChainId, 5)));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "ChainId": "{{ChainId}}", "$or": [ { "Checkpoint": null }, { "Checkpoint.Sequence": { "$lt": NumberLong(1) } } ] }"""),
            Render(MongoAccessLogRepository.OlderCheckpoint(checkpoint)));
        Assert.Equal(1, Render(MongoAccessLogRepository.SetCheckpoint(checkpoint)).AsBsonDocument["$set"]["Checkpoint"]["Sequence"].AsInt64);
    }

    [Fact]
    public void Indexes_RenderKeysAndUniqueness()
    {
        Assert.Equal(BsonDocument.Parse("""{ "ChainId": 1 }"""), Render(MongoAccessLogIndexes.ChainIdIndex.Keys));
        Assert.True(MongoAccessLogIndexes.ChainIdIndex.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "ChainId": 1, "Sequence": 1 }"""), Render(MongoAccessLogIndexes.SequenceIndex.Keys));
        Assert.True(MongoAccessLogIndexes.SequenceIndex.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "SourceKey": 1 }"""), Render(MongoAccessLogIndexes.SourceKeyIndex.Keys));
        Assert.True(MongoAccessLogIndexes.SourceKeyIndex.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "PersonId": 1, "Sequence": -1 }"""), Render(MongoAccessLogIndexes.PersonIndex.Keys));
    }

    private static (ChainEntry Entry, NewRecord Record) AppendOne()
    {
        var exchange = new ExchangeRecord("agency-r", "agency-p", Start.AddMinutes(-1), Start, "児童手当法による児童手当の支給に関する事務",
            ["地方税関係情報"], new DateOnly(2026, 4, 1));
        var record = new NewRecord(exchange, "exchange:agency-r:r-1",
            new EntryIndex(exchange.Kind, Start, ["agency-r", "agency-p"], exchange.AdministrativeTask, exchange.WithheldUntil));
        return (ChainTip.Start(ChainId).Append(exchange, Start, Signer).Entry, record);
    }
}
