using System.Globalization;
using Microsoft.Data.Sqlite;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.Storage.Sqlite;
using MynaPlatform.Text;

namespace MynaPlatform.SelfInfo.Storage;

internal sealed class SqliteSelfInfoStore(SqliteDatabase database, SqliteOutbox outbox) : ISelfInfoStore
{
    private const string SelectRecords = """
        SELECT r.record_id, r.agency_client_id, r.record_key, v.version, v.person_id, v.agency_person_id, v.agency_name,
               v.category_group, v.category_name, v.as_of, v.items, v.published_at, f.flag_id, f.version, f.flagged_at
        FROM self_info_records r
        JOIN self_info_versions v ON v.record_id = r.record_id AND v.version = r.current_version
        LEFT JOIN self_info_flags f ON f.flag_id = r.open_flag_id
        """;

    private const string NewestFirst = "ORDER BY v.published_at DESC, r.record_id";

    public Task<PublishOutcome> PublishAsync(Publication publication, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var record = publication.Record;
            var existing = await FindByKeyAsync(write, publication.AgencyClientId, record.RecordKey, cancellationToken);
            if (existing is null)
            {
                var recordId = Guid.CreateVersion7();
                await using var insert = write.CreateCommand("""
                    INSERT INTO self_info_records (record_id, agency_client_id, record_key, current_version, person_id)
                    VALUES ($recordId, $agency, $recordKey, 1, $personId);
                    """);
                insert.Parameters.AddWithValue("$recordId", recordId.ToString());
                insert.Parameters.AddWithValue("$agency", publication.AgencyClientId);
                insert.Parameters.AddWithValue("$recordKey", record.RecordKey);
                insert.Parameters.AddWithValue("$personId", publication.PersonId);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await InsertVersionAsync(write, recordId, 1, publication, cancellationToken);
                return new PublishOutcome(recordId, 1, PublishResult.Created, null);
            }

            if (!existing.IsUnderReview && publication.Repeats(existing.Current))
            {
                return new PublishOutcome(existing.RecordId, existing.Current.Version, PublishResult.Unchanged, null);
            }

            var version = existing.Current.Version + 1;
            await InsertVersionAsync(write, existing.RecordId, version, publication, cancellationToken);
            if (existing.Flag is { } flag)
            {
                await CloseFlagAsync(write, flag.FlagId, SelfInfoSchema.ClosedAsCorrected, publication.AgencyClientId, null, publication.PublishedAt, cancellationToken);
            }

            await using var update = write.CreateCommand("""
                UPDATE self_info_records SET current_version = $version, person_id = $personId, open_flag_id = NULL
                WHERE record_id = $recordId;
                """);
            update.Parameters.AddWithValue("$version", version);
            update.Parameters.AddWithValue("$personId", publication.PersonId);
            update.Parameters.AddWithValue("$recordId", existing.RecordId.ToString());
            await update.ExecuteNonQueryAsync(cancellationToken);
            return new PublishOutcome(existing.RecordId, version, PublishResult.NewVersion, existing.Flag?.FlagId);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> ListForPersonAsync(string personId, SelfInfoCategory? category, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => QueryAsync(connection, null,
            category is null
                ? $"{SelectRecords} WHERE r.person_id = $personId {NewestFirst};"
                : $"{SelectRecords} WHERE r.person_id = $personId AND v.category_group = $group AND v.category_name = $name {NewestFirst};",
            parameters =>
            {
                parameters.AddWithValue("$personId", personId);
                if (category is not null)
                {
                    parameters.AddWithValue("$group", category.Group);
                    parameters.AddWithValue("$name", category.Name);
                }
            }, cancellationToken), cancellationToken);

    public async Task<StoredRecord?> FindForPersonAsync(string personId, Guid recordId, CancellationToken cancellationToken)
    {
        var records = await database.ReadAsync(connection => QueryAsync(connection, null,
            $"{SelectRecords} WHERE r.record_id = $recordId AND r.person_id = $personId;",
            parameters =>
            {
                parameters.AddWithValue("$recordId", recordId.ToString());
                parameters.AddWithValue("$personId", personId);
            }, cancellationToken), cancellationToken);
        return records.SingleOrDefault();
    }

    public Task<IReadOnlyList<StoredRecord>> SearchForPersonAsync(string personId, string normalizedQuery, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => QueryAsync(connection, null,
            $"""
            {SelectRecords}
            WHERE r.person_id = $personId AND r.open_flag_id IS NULL AND v.search_text LIKE $pattern ESCAPE '{LikePattern.EscapeCharacter}'
            {NewestFirst};
            """,
            parameters =>
            {
                parameters.AddWithValue("$personId", personId);
                parameters.AddWithValue("$pattern", LikePattern.Contains(normalizedQuery));
            }, cancellationToken), cancellationToken);

    public Task<FlagOutcome?> FlagAsync(string personId, Guid recordId, DateTimeOffset flaggedAt, CancellationToken cancellationToken) =>
        database.WriteAsync<FlagOutcome?>(async write =>
        {
            var records = await QueryAsync(write.Connection, write,
                $"{SelectRecords} WHERE r.record_id = $recordId AND r.person_id = $personId;",
                parameters =>
                {
                    parameters.AddWithValue("$recordId", recordId.ToString());
                    parameters.AddWithValue("$personId", personId);
                }, cancellationToken);
            if (records.SingleOrDefault() is not { } record)
            {
                return null;
            }

            if (record.Flag is { } open)
            {
                return new FlagOutcome(open.FlagId, false, open.FlaggedAt);
            }

            var flagId = Guid.CreateVersion7();
            await using var insert = write.CreateCommand("""
                INSERT INTO self_info_flags (flag_id, record_id, version, person_id, agency_client_id, flagged_at)
                VALUES ($flagId, $recordId, $version, $personId, $agency, $flaggedAt);
                UPDATE self_info_records SET open_flag_id = $flagId WHERE record_id = $recordId;
                """);
            insert.Parameters.AddWithValue("$flagId", flagId.ToString());
            insert.Parameters.AddWithValue("$recordId", recordId.ToString());
            insert.Parameters.AddWithValue("$version", record.Current.Version);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$agency", record.AgencyClientId);
            insert.Parameters.AddWithValue("$flaggedAt", SqliteValues.ToText(flaggedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return new FlagOutcome(flagId, true, flaggedAt);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> ReadForAgencyAsync(
        string agencyClientId, string personId, AccessContext access, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<StoredRecord>>(async write =>
        {
            var records = await QueryAsync(write.Connection, write,
                $"{SelectRecords} WHERE r.agency_client_id = $agency AND r.person_id = $personId AND r.open_flag_id IS NULL {NewestFirst};",
                parameters =>
                {
                    parameters.AddWithValue("$agency", agencyClientId);
                    parameters.AddWithValue("$personId", personId);
                }, cancellationToken);

            if (AccessEvents.ForRead(personId, records, access) is { } accessed)
            {
                await outbox.EnqueueAsync(write, accessed, personId, cancellationToken);
            }

            return records;
        }, cancellationToken);

    public Task<RecordHistory?> ReadHistoryForAgencyAsync(
        string agencyClientId, string recordKey, AccessContext access, CancellationToken cancellationToken) =>
        database.WriteAsync<RecordHistory?>(async write =>
        {
            if (await FindByKeyAsync(write, agencyClientId, recordKey, cancellationToken) is not { } record)
            {
                return null;
            }

            if (record.IsUnderReview)
            {
                return new RecordHistory(record, []);
            }

            var versions = await ReadVersionsAsync(write, record.RecordId, record.Current.PersonId, cancellationToken);
            await outbox.EnqueueAsync(write, AccessEvents.ForVersions(record.Current.PersonId, versions, access), record.Current.PersonId, cancellationToken);
            return new RecordHistory(record, versions);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredRecord>> ReadForOperatorAsync(string personId, AccessContext access, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<StoredRecord>>(async write =>
        {
            var records = await QueryAsync(write.Connection, write,
                $"{SelectRecords} WHERE r.person_id = $personId {NewestFirst};",
                parameters => parameters.AddWithValue("$personId", personId), cancellationToken);

            if (AccessEvents.ForRead(personId, records, access) is { } accessed)
            {
                await outbox.EnqueueAsync(write, accessed, personId, cancellationToken);
            }

            return records;
        }, cancellationToken);

    public Task<IReadOnlyList<FlagListing>> ListOpenFlagsAsync(string? agencyClientId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<FlagListing>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT f.flag_id, f.record_id, f.agency_client_id, r.record_key, v.agency_person_id, f.version, f.flagged_at
                FROM self_info_flags f
                JOIN self_info_records r ON r.record_id = f.record_id
                JOIN self_info_versions v ON v.record_id = f.record_id AND v.version = f.version
                WHERE f.closed_at IS NULL {(agencyClientId is null ? "" : "AND f.agency_client_id = $agency")}
                ORDER BY f.flagged_at, f.flag_id;
                """;
            if (agencyClientId is not null)
            {
                command.Parameters.AddWithValue("$agency", agencyClientId);
            }

            var flags = new List<FlagListing>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                flags.Add(new FlagListing(
                    Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5), SqliteValues.ToInstant(reader.GetString(6))));
            }

            return flags;
        }, cancellationToken);

    public Task<bool> ClearFlagAsync(Guid flagId, string operatorClientId, string reason, DateTimeOffset clearedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (!await CloseFlagAsync(write, flagId, SelfInfoSchema.ClosedAsCleared, operatorClientId, reason, clearedAt, cancellationToken))
            {
                return false;
            }

            await using var update = write.CreateCommand("UPDATE self_info_records SET open_flag_id = NULL WHERE open_flag_id = $flagId;");
            update.Parameters.AddWithValue("$flagId", flagId.ToString());
            await update.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task<StoredRecord?> FindByKeyAsync(SqliteWrite write, string agencyClientId, string recordKey, CancellationToken cancellationToken)
    {
        var records = await QueryAsync(write.Connection, write,
            $"{SelectRecords} WHERE r.agency_client_id = $agency AND r.record_key = $recordKey;",
            parameters =>
            {
                parameters.AddWithValue("$agency", agencyClientId);
                parameters.AddWithValue("$recordKey", recordKey);
            }, cancellationToken);
        return records.SingleOrDefault();
    }

    private static async Task<bool> CloseFlagAsync(
        SqliteWrite write, Guid flagId, string closedAs, string closedBy, string? reason, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var close = write.CreateCommand("""
            UPDATE self_info_flags SET closed_at = $closedAt, closed_as = $closedAs, closed_by = $closedBy, close_reason = $reason
            WHERE flag_id = $flagId AND closed_at IS NULL;
            """);
        close.Parameters.AddWithValue("$closedAt", SqliteValues.ToText(closedAt));
        close.Parameters.AddWithValue("$closedAs", closedAs);
        close.Parameters.AddWithValue("$closedBy", closedBy);
        close.Parameters.AddWithValue("$reason", SqliteValues.ToDbValue(reason));
        close.Parameters.AddWithValue("$flagId", flagId.ToString());
        return await close.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task InsertVersionAsync(SqliteWrite write, Guid recordId, int version, Publication publication, CancellationToken cancellationToken)
    {
        var record = publication.Record;
        await using var insert = write.CreateCommand("""
            INSERT INTO self_info_versions (record_id, version, person_id, agency_person_id, agency_name, category_group,
                category_name, as_of, items, search_text, published_at)
            VALUES ($recordId, $version, $personId, $agencyPersonId, $agencyName, $group, $name, $asOf, $items, $searchText, $publishedAt);
            """);
        insert.Parameters.AddWithValue("$recordId", recordId.ToString());
        insert.Parameters.AddWithValue("$version", version);
        insert.Parameters.AddWithValue("$personId", publication.PersonId);
        insert.Parameters.AddWithValue("$agencyPersonId", record.AgencyPersonId);
        insert.Parameters.AddWithValue("$agencyName", publication.AgencyName);
        insert.Parameters.AddWithValue("$group", record.Category.Group);
        insert.Parameters.AddWithValue("$name", record.Category.Name);
        insert.Parameters.AddWithValue("$asOf", record.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$items", StoredItems.ToJson(record.Items));
        insert.Parameters.AddWithValue("$searchText", publication.SearchText);
        insert.Parameters.AddWithValue("$publishedAt", SqliteValues.ToText(publication.PublishedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredVersion>> ReadVersionsAsync(
        SqliteWrite write, Guid recordId, string personId, CancellationToken cancellationToken)
    {
        await using var command = write.CreateCommand("""
            SELECT version, person_id, agency_person_id, agency_name, category_group, category_name, as_of, items, published_at
            FROM self_info_versions WHERE record_id = $recordId AND person_id = $personId ORDER BY version DESC;
            """);
        command.Parameters.AddWithValue("$recordId", recordId.ToString());
        command.Parameters.AddWithValue("$personId", personId);

        var versions = new List<StoredVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(ReadVersion(reader, 0));
        }

        return versions;
    }

    private static async Task<IReadOnlyList<StoredRecord>> QueryAsync(
        SqliteConnection connection, SqliteWrite? write, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = write?.CreateCommand(sql) ?? connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);

        var records = new List<StoredRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var flag = reader.IsDBNull(12)
                ? null
                : new OpenFlag(Guid.Parse(reader.GetString(12)), reader.GetInt32(13), SqliteValues.ToInstant(reader.GetString(14)));
            records.Add(new StoredRecord(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), ReadVersion(reader, 3), flag));
        }

        return records;
    }

    /// <summary>Reads the nine version columns that start at <paramref name="first"/>.</summary>
    private static StoredVersion ReadVersion(SqliteDataReader reader, int first) => new(
        reader.GetInt32(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        new SelfInfoCategory(reader.GetString(first + 4), reader.GetString(first + 5)),
        DateOnly.ParseExact(reader.GetString(first + 6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        StoredItems.FromJson(reader.GetString(first + 7)),
        SqliteValues.ToInstant(reader.GetString(first + 8)));
}
