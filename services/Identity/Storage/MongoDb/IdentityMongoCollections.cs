using MongoDB.Driver;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Identity.Storage.MongoDb;

/// <summary>The identity service's collections in its MongoDB database, beside the shared outbox and inbox.</summary>
internal static class IdentityMongoCollections
{
    public const string Sessions = "sessions";
    public const string LoginHistory = "login_history";
    public const string CardHolds = "card_holds";
    public const string StepUps = "step_ups";
    public const string AccountDetails = "account_details";
    public const string Persons = "persons";
    public const string CertificateLinks = "certificate_links";
    public const string Agencies = "agencies";
    public const string AgencyPersons = "agency_persons";

    public static IMongoCollection<MongoSessionDocument> GetSessions(this IMongoDatabase database) =>
        database.GetCollection<MongoSessionDocument>(Sessions);

    public static IMongoCollection<MongoLoginHistoryDocument> GetLoginHistory(this IMongoDatabase database) =>
        database.GetCollection<MongoLoginHistoryDocument>(LoginHistory);

    public static IMongoCollection<MongoCardHoldDocument> GetCardHolds(this IMongoDatabase database) =>
        database.GetCollection<MongoCardHoldDocument>(CardHolds);

    public static IMongoCollection<MongoStepUpDocument> GetStepUps(this IMongoDatabase database) =>
        database.GetCollection<MongoStepUpDocument>(StepUps);

    public static IMongoCollection<MongoAccountDetailsDocument> GetAccountDetails(this IMongoDatabase database) =>
        database.GetCollection<MongoAccountDetailsDocument>(AccountDetails);

    public static IMongoCollection<MongoPersonDocument> GetPersons(this IMongoDatabase database) =>
        database.GetCollection<MongoPersonDocument>(Persons);

    public static IMongoCollection<MongoCertificateLinkDocument> GetCertificateLinks(this IMongoDatabase database) =>
        database.GetCollection<MongoCertificateLinkDocument>(CertificateLinks);

    public static IMongoCollection<MongoAgencyDocument> GetAgencies(this IMongoDatabase database) =>
        database.GetCollection<MongoAgencyDocument>(Agencies);

    public static IMongoCollection<MongoAgencyPersonDocument> GetAgencyPersons(this IMongoDatabase database) =>
        database.GetCollection<MongoAgencyPersonDocument>(AgencyPersons);
}

/// <summary>
/// Indexes of the identity collections beyond their _id: the unique number digest, which keeps
/// one account per person, and the keys that list a person's sessions, history and step-ups.
/// </summary>
internal sealed class IdentityMongoIndexes : IMongoIndexes
{
    public static readonly CreateIndexModel<MongoPersonDocument> NumberDigestIndex = new(
        Builders<MongoPersonDocument>.IndexKeys.Ascending(person => person.NumberDigest),
        new CreateIndexOptions { Name = "ux_persons_number_digest", Unique = true });

    public static readonly CreateIndexModel<MongoSessionDocument> SessionsByPersonIndex = new(
        Builders<MongoSessionDocument>.IndexKeys.Ascending(session => session.PersonId).Ascending(session => session.StartedAt),
        new CreateIndexOptions { Name = "ix_sessions_person" });

    public static readonly CreateIndexModel<MongoSessionDocument> SessionsByEndIndex = new(
        Builders<MongoSessionDocument>.IndexKeys.Ascending(session => session.EndedAt),
        new CreateIndexOptions { Name = "ix_sessions_ended" });

    public static readonly CreateIndexModel<MongoLoginHistoryDocument> HistoryByPersonIndex = new(
        Builders<MongoLoginHistoryDocument>.IndexKeys.Ascending(entry => entry.PersonId).Descending(entry => entry.OccurredAt),
        new CreateIndexOptions { Name = "ix_login_history_person" });

    public static readonly CreateIndexModel<MongoStepUpDocument> StepUpsBySessionIndex = new(
        Builders<MongoStepUpDocument>.IndexKeys.Ascending(stepUp => stepUp.SessionId),
        new CreateIndexOptions { Name = "ix_step_ups_session" });

    public async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await database.GetPersons().Indexes.CreateOneAsync(NumberDigestIndex, cancellationToken: cancellationToken);
        await database.GetSessions().Indexes.CreateManyAsync([SessionsByPersonIndex, SessionsByEndIndex], cancellationToken);
        await database.GetLoginHistory().Indexes.CreateOneAsync(HistoryByPersonIndex, cancellationToken: cancellationToken);
        await database.GetStepUps().Indexes.CreateOneAsync(StepUpsBySessionIndex, cancellationToken: cancellationToken);
    }
}

/// <summary>Conversions between the service's instants and the UTC dates that the documents hold.</summary>
internal static class MongoInstants
{
    public static DateTime ToUtc(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTimeOffset ToInstant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

internal static class MongoErrors
{
    /// <summary>
    /// Returns true for a duplicate key error. Inside a transaction the server aborts on it, so the
    /// caller runs the whole transaction again and then reads the document that won the race.
    /// </summary>
    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };
}
