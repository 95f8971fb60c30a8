using MongoDB.Bson;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Storage.MongoDb;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>The identity adapter's filters, updates, sorts and indexes rendered to the BSON the driver sends.</summary>
public sealed class IdentityMongoQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 3, 4, 5, 678, TimeSpan.Zero);

    private const string NowBson = """ISODate("2026-04-01T03:04:05.678Z")""";

    private const string LaterBson = """ISODate("2026-04-01T03:09:05.678Z")""";

    [Fact]
    public void CertificateLinkFilter_RendersThumbprintAsId()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "9f86d081" }"""), Render(MongoCertificateLinkRepository.ByThumbprint("9f86d081")));
    }

    [Fact]
    public void SessionFilters_RenderActiveAndOwned()
    {
        Assert.Equal(
            BsonDocument.Parse($$"""{ "_id": "s-1", "EndedAt": null, "ExpiresAt": { "$gt": {{NowBson}} } }"""),
            Render(MongoSessionRepository.ActiveSession("s-1", Now)));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "PersonId": "person-a", "EndedAt": null, "ExpiresAt": { "$gt": {{NowBson}} } }"""),
            Render(MongoSessionRepository.ActiveSessionsOfPerson("person-a", Now)));
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": "s-1", "PersonId": "person-a" }"""),
            Render(MongoSessionRepository.SessionOfPerson("person-a", "s-1")));
        Assert.Equal(
            BsonDocument.Parse("""{ "PersonId": "person-a", "EndedAt": null }"""),
            Render(MongoSessionRepository.Open(MongoSessionRepository.OfPerson("person-a"))));
    }

    [Fact]
    public void SessionEnd_RendersSetOfEndAndReason()
    {
        Assert.Equal(
            BsonDocument.Parse($$"""{ "$set": { "EndedAt": {{NowBson}}, "EndReason": "CardSuspended" } }"""),
            Render(MongoSessionRepository.End(SessionEndReason.CardSuspended, Now)));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "EndedAt": { "$gte": {{NowBson}} } }"""),
            Render(MongoSessionRepository.EndedSince(Now.ToOffset(TimeSpan.FromHours(9)))));
    }

    [Fact]
    public void SessionSorts_RenderLatestFirst()
    {
        Assert.Equal(BsonDocument.Parse("""{ "StartedAt": -1 }"""), Render(MongoSessionRepository.LatestStartFirst));
        Assert.Equal(BsonDocument.Parse("""{ "OccurredAt": -1, "_id": -1 }"""), Render(MongoSessionRepository.LatestEntryFirst));
        Assert.Equal(BsonDocument.Parse("""{ "PersonId": "person-a" }"""), Render(MongoSessionRepository.HistoryOfPerson("person-a")));
    }

    [Fact]
    public void CardHoldQueries_RenderActiveHoldAndLift()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "0a1b", "LiftedAt": null }"""), Render(MongoCardHoldRepository.ActiveHold("0a1b")));
        Assert.Equal(BsonDocument.Parse("""{ "_id": "0a1b" }"""), Render(MongoCardHoldRepository.BySerialNumber("0a1b")));
        Assert.Equal(BsonDocument.Parse($$"""{ "$set": { "LiftedAt": {{NowBson}} } }"""), Render(MongoCardHoldRepository.Lift(Now)));
    }

    [Fact]
    public void CardHoldReplacement_ClearsLiftedAt()
    {
        var document = Serialize(MongoCardHoldRepository.Document(new CardHoldRequest("0a1b", "hold-2", "person-a", "holder", Now)));

        Assert.Equal(BsonDocument.Parse($$"""
            { "_id": "0a1b", "HoldId": "hold-2", "PersonId": "person-a", "Source": "holder", "PlacedAt": {{NowBson}}, "LiftedAt": null }
            """), document);
    }

    [Fact]
    public void StepUpQueries_RenderPendingAndSatisfied()
    {
        Assert.Equal(
            BsonDocument.Parse($$"""{ "_id": "BCDFGHJK", "ExpiresAt": { "$gt": {{NowBson}} }, "VerifiedAt": null, "UsedAt": null }"""),
            Render(MongoStepUpRepository.PendingCode("BCDFGHJK", Now)));
        Assert.Equal(
            BsonDocument.Parse($$"""
                { "SessionId": "s-1", "PersonId": "person-a", "VerifiedAt": { "$ne": null }, "UsedAt": null,
                  "SatisfiedUntil": { "$gt": {{NowBson}} } }
                """),
            Render(MongoStepUpRepository.SatisfiedStepUp("s-1", "person-a", Now)));
    }

    [Fact]
    public void StepUpUpdates_RenderSatisfyAndUseUp()
    {
        Assert.Equal(
            BsonDocument.Parse($$"""{ "$set": { "VerifiedAt": {{NowBson}}, "SatisfiedUntil": {{LaterBson}} } }"""),
            Render(MongoStepUpRepository.Satisfy(Now, Now.AddMinutes(5))));
        Assert.Equal(BsonDocument.Parse($$"""{ "$set": { "UsedAt": {{NowBson}} } }"""), Render(MongoStepUpRepository.UseUp(Now)));
    }

    [Fact]
    public void AccountDetailsUpdates_SetOneFieldAndTime()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "person-a" }"""), Render(MongoAccountDetailsRepository.ByPerson("person-a")));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "$set": { "Nickname": "マイナ", "UpdatedAt": {{NowBson}} } }"""),
            Render(MongoAccountDetailsRepository.SetNickname("マイナ", Now)));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "$set": { "Nickname": null, "UpdatedAt": {{NowBson}} } }"""),
            Render(MongoAccountDetailsRepository.SetNickname(null, Now)));
        Assert.Equal(
            BsonDocument.Parse($$"""{ "$set": { "Email": "a@example.jp", "UpdatedAt": {{NowBson}} } }"""),
            Render(MongoAccountDetailsRepository.SetEmail("a@example.jp", Now)));
    }

    [Fact]
    public void PersonQuery_RendersDigestMatch()
    {
        Assert.Equal(BsonDocument.Parse("""{ "NumberDigest": "abc123" }"""), Render(MongoPersonRepository.ByDigest("abc123")));
    }

    [Fact]
    public void AgencyUpsert_SetsFieldsOnInsertOnly()
    {
        var key = new byte[] { 1, 2, 3 };

        Assert.Equal(BsonDocument.Parse("""{ "_id": "agency-1" }"""), Render(MongoAgencyRepository.ByClientId("agency-1")));
        Assert.Equal(
            new BsonDocument("$setOnInsert", new BsonDocument
            {
                { "DisplayName", "千代田区" },
                { "LocalGovernmentCode", BsonNull.Value },
                { "IdentifierKey", new BsonBinaryData(key) },
                { "CreatedAt", new BsonDateTime(Now.UtcDateTime) },
            }),
            Render(MongoAgencyRepository.InsertOnly(new AgencyRecord("agency-1", "千代田区", null, key), Now)));
    }

    [Fact]
    public void AgencyIdentifierQueries_RenderKeysWithinAgency()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": "agency-1/aaaa" }"""),
            Render(MongoAgencyIdentifierRepository.ByIdentifier("agency-1", "aaaa")));
        Assert.Equal(
            BsonDocument.Parse("""{ "_id": { "$in": ["agency-1/aaaa", "agency-1/bbbb"] }, "ClientId": "agency-1" }"""),
            Render(MongoAgencyIdentifierRepository.ByIdentifiers("agency-1", ["aaaa", "bbbb", "aaaa"])));
        Assert.Equal(
            BsonDocument.Parse($$"""
                { "$setOnInsert": { "ClientId": "agency-1", "AgencyPersonId": "aaaa", "PersonId": "person-a", "EnrolledAt": {{NowBson}} } }
                """),
            Render(MongoAgencyIdentifierRepository.InsertOnly("agency-1", "aaaa", "person-a", Now)));
    }

    [Fact]
    public void IdentityIndexes_RenderKeysNamesAndUniqueness()
    {
        Assert.Equal(BsonDocument.Parse("""{ "NumberDigest": 1 }"""), Render(IdentityMongoIndexes.NumberDigestIndex.Keys));
        Assert.Equal("ux_persons_number_digest", IdentityMongoIndexes.NumberDigestIndex.Options.Name);
        Assert.True(IdentityMongoIndexes.NumberDigestIndex.Options.Unique);

        Assert.Equal(BsonDocument.Parse("""{ "PersonId": 1, "StartedAt": 1 }"""), Render(IdentityMongoIndexes.SessionsByPersonIndex.Keys));
        Assert.Equal("ix_sessions_person", IdentityMongoIndexes.SessionsByPersonIndex.Options.Name);
        Assert.Equal(BsonDocument.Parse("""{ "EndedAt": 1 }"""), Render(IdentityMongoIndexes.SessionsByEndIndex.Keys));
        Assert.Equal("ix_sessions_ended", IdentityMongoIndexes.SessionsByEndIndex.Options.Name);
        Assert.Equal(BsonDocument.Parse("""{ "PersonId": 1, "OccurredAt": -1 }"""), Render(IdentityMongoIndexes.HistoryByPersonIndex.Keys));
        Assert.Equal("ix_login_history_person", IdentityMongoIndexes.HistoryByPersonIndex.Options.Name);
        Assert.Equal(BsonDocument.Parse("""{ "SessionId": 1 }"""), Render(IdentityMongoIndexes.StepUpsBySessionIndex.Keys));
        Assert.Equal("ix_step_ups_session", IdentityMongoIndexes.StepUpsBySessionIndex.Options.Name);

        Assert.All([IdentityMongoIndexes.SessionsByPersonIndex.Options, IdentityMongoIndexes.SessionsByEndIndex.Options],
            options => Assert.NotEqual(true, options.Unique));
    }
}
