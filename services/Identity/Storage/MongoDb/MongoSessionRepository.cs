using MongoDB.Driver;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage.MongoDb;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoSessionRepository(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox) : ISessionRepository
{
    private static FilterDefinitionBuilder<MongoSessionDocument> Filter => Builders<MongoSessionDocument>.Filter;

    public async Task StartAsync(
        string sessionId, string personId, string clientId, DateTimeOffset startedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var session = new MongoSessionDocument
        {
            SessionId = sessionId,
            PersonId = personId,
            ClientId = clientId,
            StartedAt = ToUtc(startedAt),
            ExpiresAt = ToUtc(expiresAt),
        };

        await transaction.RunAsync(async (handle, token) =>
        {
            await database.GetSessions().InsertOneAsync(handle, session, cancellationToken: token);
            await database.GetLoginHistory().InsertOneAsync(
                handle, HistoryEntry(personId, clientId, LoginResults.Succeeded, sessionId, startedAt), cancellationToken: token);
            return true;
        }, cancellationToken);
    }

    public Task RecordLoginAsync(
        string personId, string clientId, string result, string? sessionId, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        database.GetLoginHistory().InsertOneAsync(HistoryEntry(personId, clientId, result, sessionId, occurredAt), cancellationToken: cancellationToken);

    public Task<bool> IsActiveAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.GetSessions().Find(ActiveSession(sessionId, now)).AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<SessionRecord>> ListActiveAsync(string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await database.GetSessions().Find(ActiveSessionsOfPerson(personId, now)).Sort(LatestStartFirst).ToListAsync(cancellationToken);
        return [.. sessions.Select(session => new SessionRecord(
            session.SessionId, session.ClientId, ToInstant(session.StartedAt), ToInstant(session.ExpiresAt)))];
    }

    public async Task<IReadOnlyList<LoginHistoryEntry>> ListHistoryAsync(string personId, int limit, CancellationToken cancellationToken)
    {
        var entries = await database.GetLoginHistory().Find(HistoryOfPerson(personId)).Sort(LatestEntryFirst).Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(entry => new LoginHistoryEntry(ToInstant(entry.OccurredAt), entry.ClientId, entry.Result))];
    }

    public async Task<IReadOnlyList<EndedSession>?> EndAsync(
        string personId, string sessionId, SessionEndReason reason, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        var ended = await transaction.RunAsync<IReadOnlyList<EndedSession>?>(async (handle, token) =>
        {
            if (!await database.GetSessions().Find(handle, SessionOfPerson(personId, sessionId)).AnyAsync(token))
            {
                return null;
            }

            return await EndOpenSessionsAsync(database, outbox, handle, Filter.Eq(session => session.SessionId, sessionId), reason, endedAt, token);
        }, cancellationToken);

        if (ended is { Count: > 0 })
        {
            outbox.NotifyCommitted();
        }

        return ended;
    }

    public async Task<IReadOnlyList<RevokedSession>> ListEndedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sessions = await database.GetSessions().Find(EndedSince(since)).ToListAsync(cancellationToken);
        return [.. sessions.Select(session => new RevokedSession(session.SessionId, ToInstant(session.EndedAt!.Value)))];
    }

    /// <summary>
    /// Ends the open sessions matched by <paramref name="scope"/> in the transaction of
    /// <paramref name="handle"/>, with one <see cref="SessionRevoked"/> each. The update names the ids it
    /// read, so a session ended by a concurrent transaction is a write conflict, which the transaction retries.
    /// </summary>
    internal static async Task<IReadOnlyList<EndedSession>> EndOpenSessionsAsync(
        IMongoDatabase database, MongoOutbox outbox, IClientSessionHandle handle, FilterDefinition<MongoSessionDocument> scope,
        SessionEndReason reason, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        var sessions = database.GetSessions();
        var ids = await sessions.Find(handle, Open(scope)).Project(session => session.SessionId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        await sessions.UpdateManyAsync(handle, Open(Filter.In(session => session.SessionId, ids)), End(reason, endedAt),
            cancellationToken: cancellationToken);
        foreach (var id in ids)
        {
            await outbox.EnqueueAsync(handle, new SessionRevoked(id, reason, endedAt), id, cancellationToken);
        }

        return [.. ids.Select(id => new EndedSession(id, reason, endedAt))];
    }

    internal static FilterDefinition<MongoSessionDocument> OfPerson(string personId) =>
        Filter.Eq(session => session.PersonId, personId);

    internal static FilterDefinition<MongoSessionDocument> Open(FilterDefinition<MongoSessionDocument> scope) =>
        scope & Filter.Eq(session => session.EndedAt, null);

    internal static FilterDefinition<MongoSessionDocument> SessionOfPerson(string personId, string sessionId) =>
        Filter.Eq(session => session.SessionId, sessionId) & OfPerson(personId);

    internal static FilterDefinition<MongoSessionDocument> ActiveSession(string sessionId, DateTimeOffset now) =>
        Open(Filter.Eq(session => session.SessionId, sessionId)) & Filter.Gt(session => session.ExpiresAt, ToUtc(now));

    internal static FilterDefinition<MongoSessionDocument> ActiveSessionsOfPerson(string personId, DateTimeOffset now) =>
        Open(OfPerson(personId)) & Filter.Gt(session => session.ExpiresAt, ToUtc(now));

    internal static FilterDefinition<MongoSessionDocument> EndedSince(DateTimeOffset since) =>
        Filter.Gte(session => session.EndedAt, ToUtc(since));

    internal static UpdateDefinition<MongoSessionDocument> End(SessionEndReason reason, DateTimeOffset endedAt) =>
        Builders<MongoSessionDocument>.Update.Set(session => session.EndedAt, ToUtc(endedAt)).Set(session => session.EndReason, reason.ToString());

    internal static readonly SortDefinition<MongoSessionDocument> LatestStartFirst =
        Builders<MongoSessionDocument>.Sort.Descending(session => session.StartedAt);

    internal static FilterDefinition<MongoLoginHistoryDocument> HistoryOfPerson(string personId) =>
        Builders<MongoLoginHistoryDocument>.Filter.Eq(entry => entry.PersonId, personId);

    internal static readonly SortDefinition<MongoLoginHistoryDocument> LatestEntryFirst =
        Builders<MongoLoginHistoryDocument>.Sort.Descending(entry => entry.OccurredAt).Descending(entry => entry.Id);

    private static MongoLoginHistoryDocument HistoryEntry(
        string personId, string clientId, string result, string? sessionId, DateTimeOffset occurredAt) => new()
    {
        Id = MongoDB.Bson.ObjectId.GenerateNewId(),
        PersonId = personId,
        OccurredAt = ToUtc(occurredAt),
        ClientId = clientId,
        Result = result,
        SessionId = sessionId,
    };
}
