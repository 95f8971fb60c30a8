using Microsoft.Data.Sqlite;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteAgencyIdentifierRepository(SqliteDatabase database, SqliteOutbox outbox) : IAgencyIdentifierRepository
{
    public Task EnrollAsync(
        string clientId, string agencyPersonId, string personId, PersonDataAccessed access, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO agency_persons (client_id, agency_person_id, person_id, enrolled_at)
                VALUES ($clientId, $agencyPersonId, $personId, $now) ON CONFLICT DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$clientId", clientId);
            insert.Parameters.AddWithValue("$agencyPersonId", agencyPersonId);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$now", SqliteValues.ToText(access.OccurredAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);

            return await outbox.EnqueueAsync(write, access, personId, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        string clientId, IReadOnlyCollection<string> agencyPersonIds, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, string>>(async connection =>
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT person_id FROM agency_persons WHERE client_id = $clientId AND agency_person_id = $id;";
            query.Parameters.AddWithValue("$clientId", clientId);
            var id = query.Parameters.Add("$id", SqliteType.Text);
            foreach (var agencyPersonId in agencyPersonIds.Distinct(StringComparer.Ordinal))
            {
                id.Value = agencyPersonId;
                if (await query.ExecuteScalarAsync(cancellationToken) is string personId)
                {
                    found[agencyPersonId] = personId;
                }
            }

            return found;
        }, cancellationToken);
}
