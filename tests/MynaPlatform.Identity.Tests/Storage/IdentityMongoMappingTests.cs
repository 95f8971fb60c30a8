using MongoDB.Bson;
using MynaPlatform.Identity.Storage.MongoDb;
using Xunit;
using static MynaPlatform.Storage.Tests.MongoDb.MongoRendering;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>BSON round trips of the identity service's MongoDB documents, checked without a server.</summary>
public sealed class IdentityMongoMappingTests
{
    private static readonly DateTime Started = new(2026, 4, 1, 3, 4, 5, 678, DateTimeKind.Utc);

    private static readonly DateTime Ended = Started.AddMinutes(30);

    [Fact]
    public void CertificateLinkDocument_RoundTrip_KeysByThumbprint()
    {
        var link = new MongoCertificateLinkDocument { Thumbprint = "9f86d081", PersonId = "person-a", LinkedAt = Started };

        var bson = Serialize(link);
        var back = Deserialize<MongoCertificateLinkDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""{ "_id": "9f86d081", "PersonId": "person-a", "LinkedAt": ISODate("2026-04-01T03:04:05.678Z") }"""), bson);
        Assert.Equal("person-a", back.PersonId);
        Assert.Equal(Started, back.LinkedAt);
    }

    [Fact]
    public void SessionDocument_RoundTrip_KeepsEndAndReason()
    {
        var session = new MongoSessionDocument
        {
            SessionId = "0123456789abcdef0123456789abcdef",
            PersonId = "person-a",
            ClientId = "portal",
            StartedAt = Started,
            ExpiresAt = Started.AddDays(14),
            EndedAt = Ended,
            EndReason = "Logout",
        };

        var bson = Serialize(session);
        var back = Deserialize<MongoSessionDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": "0123456789abcdef0123456789abcdef", "PersonId": "person-a", "ClientId": "portal",
              "StartedAt": ISODate("2026-04-01T03:04:05.678Z"), "ExpiresAt": ISODate("2026-04-15T03:04:05.678Z"),
              "EndedAt": ISODate("2026-04-01T03:34:05.678Z"), "EndReason": "Logout" }
            """), bson);
        Assert.Equal(Ended, back.EndedAt);
        Assert.Equal(DateTimeKind.Utc, back.StartedAt.Kind);
        Assert.Equal("Logout", back.EndReason);
    }

    [Fact]
    public void SessionDocument_Open_StoresNullEnd()
    {
        var bson = Serialize(new MongoSessionDocument { SessionId = "s-1", PersonId = "p", ClientId = "c", StartedAt = Started, ExpiresAt = Ended });

        Assert.Equal(BsonNull.Value, bson["EndedAt"]);
        Assert.Equal(BsonNull.Value, bson["EndReason"]);
        Assert.Null(Deserialize<MongoSessionDocument>(bson).EndedAt);
    }

    [Fact]
    public void LoginHistoryDocument_RoundTrip_KeepsObjectId()
    {
        var id = ObjectId.Parse("65f0c0ffee0123456789abcd");
        var entry = new MongoLoginHistoryDocument
        {
            Id = id, PersonId = "person-a", OccurredAt = Started, ClientId = "myna-card", Result = "refreshed", SessionId = null,
        };

        var bson = Serialize(entry);
        var back = Deserialize<MongoLoginHistoryDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": ObjectId("65f0c0ffee0123456789abcd"), "PersonId": "person-a", "OccurredAt": ISODate("2026-04-01T03:04:05.678Z"),
              "ClientId": "myna-card", "Result": "refreshed", "SessionId": null }
            """), bson);
        Assert.Equal(id, back.Id);
        Assert.Equal(Started, back.OccurredAt);
        Assert.Null(back.SessionId);
    }

    [Fact]
    public void CardHoldDocument_RoundTrip_KeepsSerialAsId()
    {
        var hold = new MongoCardHoldDocument
        {
            SerialNumber = "0a1b2c", HoldId = "hold-1", PersonId = null, Source = "jpki", PlacedAt = Started, LiftedAt = Ended,
        };

        var bson = Serialize(hold);
        var back = Deserialize<MongoCardHoldDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": "0a1b2c", "HoldId": "hold-1", "PersonId": null, "Source": "jpki",
              "PlacedAt": ISODate("2026-04-01T03:04:05.678Z"), "LiftedAt": ISODate("2026-04-01T03:34:05.678Z") }
            """), bson);
        Assert.Equal("0a1b2c", back.SerialNumber);
        Assert.Null(back.PersonId);
        Assert.Equal(Ended, back.LiftedAt);
    }

    [Fact]
    public void StepUpDocument_RoundTrip_KeepsEveryInstant()
    {
        var stepUp = new MongoStepUpDocument
        {
            UserCode = "BCDFGHJK", SessionId = "s-1", PersonId = "person-a", ExpiresAt = Ended,
            VerifiedAt = Started, SatisfiedUntil = Ended, UsedAt = null,
        };

        var bson = Serialize(stepUp);
        var back = Deserialize<MongoStepUpDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": "BCDFGHJK", "SessionId": "s-1", "PersonId": "person-a", "ExpiresAt": ISODate("2026-04-01T03:34:05.678Z"),
              "VerifiedAt": ISODate("2026-04-01T03:04:05.678Z"), "SatisfiedUntil": ISODate("2026-04-01T03:34:05.678Z"), "UsedAt": null }
            """), bson);
        Assert.Equal(Started, back.VerifiedAt);
        Assert.Equal(Ended, back.SatisfiedUntil);
        Assert.Null(back.UsedAt);
    }

    [Fact]
    public void AccountDetailsDocument_RoundTrip_KeepsJapaneseNickname()
    {
        var details = new MongoAccountDetailsDocument { PersonId = "person-a", Nickname = "まいな🐦", Email = null, UpdatedAt = Started };

        var bson = Serialize(details);
        var back = Deserialize<MongoAccountDetailsDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": "person-a", "Nickname": "まいな🐦", "Email": null, "UpdatedAt": ISODate("2026-04-01T03:04:05.678Z") }
            """), bson);
        Assert.Equal("まいな🐦", back.Nickname);
        Assert.Null(back.Email);
    }

    [Fact]
    public void AccountDetailsDocument_MissingFields_ReadAsNull()
    {
        // An upsert that sets only the nickname leaves the e-mail field out of the document.
        var back = Deserialize<MongoAccountDetailsDocument>(BsonDocument.Parse("""
            { "_id": "person-a", "Nickname": "マイナ", "UpdatedAt": ISODate("2026-04-01T03:04:05.678Z") }
            """));

        Assert.Equal("マイナ", back.Nickname);
        Assert.Null(back.Email);
    }

    [Fact]
    public void PersonDocument_RoundTrip_StoresDigestOnly()
    {
        var person = new MongoPersonDocument { PersonId = "person-a", NumberDigest = new string('d', 64), CreatedAt = Started };

        var bson = Serialize(person);
        var back = Deserialize<MongoPersonDocument>(bson);

        Assert.Equal(["_id", "NumberDigest", "CreatedAt"], bson.Names);
        Assert.Equal(new string('d', 64), bson["NumberDigest"].AsString);
        Assert.Equal("person-a", back.PersonId);
        Assert.Equal(Started, back.CreatedAt);
    }

    [Fact]
    public void AgencyDocument_RoundTrip_KeepsKeyAsBinary()
    {
        var key = Enumerable.Range(0, 32).Select(value => (byte)value).ToArray();
        var agency = new MongoAgencyDocument
        {
            ClientId = "agency-1", DisplayName = "千代田区", LocalGovernmentCode = "131016", IdentifierKey = key, CreatedAt = Started,
        };

        var bson = Serialize(agency);
        var back = Deserialize<MongoAgencyDocument>(bson);

        Assert.Equal("agency-1", bson["_id"].AsString);
        Assert.Equal(BsonBinarySubType.Binary, bson["IdentifierKey"].AsBsonBinaryData.SubType);
        Assert.Equal(key, bson["IdentifierKey"].AsByteArray);
        Assert.Equal(key, back.IdentifierKey);
        Assert.Equal("千代田区", back.DisplayName);
        Assert.Equal("131016", back.LocalGovernmentCode);
    }

    [Fact]
    public void AgencyPersonDocument_RoundTrip_KeysByClientAndIdentifier()
    {
        var identifier = new MongoAgencyPersonDocument
        {
            Key = MongoAgencyPersonDocument.KeyOf("agency-1", "aaaa"), ClientId = "agency-1", AgencyPersonId = "aaaa",
            PersonId = "person-a", EnrolledAt = Started,
        };

        var bson = Serialize(identifier);
        var back = Deserialize<MongoAgencyPersonDocument>(bson);

        Assert.Equal(BsonDocument.Parse("""
            { "_id": "agency-1/aaaa", "ClientId": "agency-1", "AgencyPersonId": "aaaa", "PersonId": "person-a",
              "EnrolledAt": ISODate("2026-04-01T03:04:05.678Z") }
            """), bson);
        Assert.Equal("person-a", back.PersonId);
        Assert.Equal(Started, back.EnrolledAt);
    }
}
