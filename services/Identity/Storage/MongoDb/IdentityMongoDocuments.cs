using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace MynaPlatform.Identity.Storage.MongoDb;

// Instants are UTC DateTime values, which BSON stores as dates with millisecond precision.

internal sealed class MongoSessionDocument
{
    [BsonId]
    public string SessionId { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }
}

/// <summary>A login history entry; the ObjectId breaks ties between entries of the same millisecond.</summary>
internal sealed class MongoLoginHistoryDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    public string PersonId { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string ClientId { get; set; } = "";

    public string Result { get; set; } = "";

    public string? SessionId { get; set; }
}

internal sealed class MongoCardHoldDocument
{
    [BsonId]
    public string SerialNumber { get; set; } = "";

    public string HoldId { get; set; } = "";

    public string? PersonId { get; set; }

    public string Source { get; set; } = "";

    public DateTime PlacedAt { get; set; }

    public DateTime? LiftedAt { get; set; }
}

internal sealed class MongoStepUpDocument
{
    [BsonId]
    public string UserCode { get; set; } = "";

    public string SessionId { get; set; } = "";

    public string PersonId { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public DateTime? SatisfiedUntil { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal sealed class MongoAccountDetailsDocument
{
    [BsonId]
    public string PersonId { get; set; } = "";

    public string? Nickname { get; set; }

    public string? Email { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A person; the keyed digest of the individual number has a unique index, so one PersonId per person.</summary>
internal sealed class MongoPersonDocument
{
    [BsonId]
    public string PersonId { get; set; } = "";

    public string NumberDigest { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>A login certificate's link to its person, keyed by the certificate's thumbprint.</summary>
internal sealed class MongoCertificateLinkDocument
{
    [BsonId]
    public string Thumbprint { get; set; } = "";

    public string PersonId { get; set; } = "";

    public DateTime LinkedAt { get; set; }
}

internal sealed class MongoAgencyDocument
{
    [BsonId]
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? LocalGovernmentCode { get; set; }

    public byte[] IdentifierKey { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// An agency's identifier of a person. The id joins the client id and the identifier, so the
/// unique _id index keeps one record per pair and a lookup cannot reach another agency's identifiers.
/// </summary>
internal sealed class MongoAgencyPersonDocument
{
    [BsonId]
    public string Key { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string AgencyPersonId { get; set; } = "";

    public string PersonId { get; set; } = "";

    public DateTime EnrolledAt { get; set; }

    /// <summary>
    /// Returns <c>clientId/agencyPersonId</c>. Stored identifiers are lower-case hex, never <c>/</c>,
    /// so two stored pairs never share a key.
    /// </summary>
    public static string KeyOf(string clientId, string agencyPersonId) => $"{clientId}/{agencyPersonId}";
}
