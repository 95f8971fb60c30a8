using Microsoft.Data.Sqlite;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.AccessLog.Storage;

/// <summary>
/// Chains in SQLite. Every append runs in one <c>BEGIN IMMEDIATE</c> transaction, which holds the
/// database's write lock from the read of the tip to the commit, so two appends never fork a chain.
/// </summary>
internal sealed class SqliteAccessLogRepository(SqliteDatabase database, SqliteInbox messageInbox) : IAccessLogRepository
{
    private const string EntryColumns =
        "sequence, recorded_at, commitment, entry_hash, signed_at, key_id, signature, salt, content";

    private const string ChainColumns = """
        chain_id, sequence, head_hash, recorded_at, head_signed_at, head_key_id, head_signature,
        checkpoint_sequence, checkpoint_hash, checkpoint_recorded_at, checkpoint_signed_at, checkpoint_key_id, checkpoint_signature
        """;

    public async Task<PersonChain> GetOrCreateChainAsync(string personId, CancellationToken cancellationToken)
    {
        var existing = await database.ReadAsync(connection => FindChainAsync(connection, null, personId, cancellationToken), cancellationToken);
        return existing ?? await database.WriteAsync(write => FindOrCreateAsync(write, personId, cancellationToken), cancellationToken);
    }

    public Task<AppendOutcome> AppendAsync(
        string personId, NewRecord record, InboxReceipt? inbox, Func<ChainTip, ChainAppend> append, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (inbox is not null && !await messageInbox.TryRecordAsync(write, inbox.MessageId, inbox.Consumer, cancellationToken))
            {
                return new AppendOutcome(AppendStatus.DuplicateMessage, null);
            }

            if (await FindSourceOwnerAsync(write, record.SourceKey, cancellationToken) is { } owner)
            {
                return owner == personId
                    ? new AppendOutcome(AppendStatus.DuplicateSource, await FindBySourceAsync(write, record.SourceKey, cancellationToken))
                    : new AppendOutcome(AppendStatus.DuplicateSourceOfOtherPerson, null);
            }

            var chain = await FindOrCreateAsync(write, personId, cancellationToken);
            var appended = append(chain.Tip);
            await InsertEntryAsync(write, personId, chain.ChainId, appended.Entry, record, cancellationToken);
            await MoveTipAsync(write, personId, chain.Tip.Sequence, appended, cancellationToken);
            return new AppendOutcome(AppendStatus.Appended, appended.Entry);
        }, cancellationToken);

    public Task<IReadOnlyList<ChainEntry>> ReadEntriesAsync(string chainId, long after, long through, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = $"""
                SELECT {EntryColumns} FROM access_log_entries
                WHERE chain_id = $chainId AND sequence > $after AND sequence <= $through
                ORDER BY sequence LIMIT $limit;
                """;
            query.Parameters.AddWithValue("$chainId", chainId);
            query.Parameters.AddWithValue("$after", after);
            query.Parameters.AddWithValue("$through", through);
            query.Parameters.AddWithValue("$limit", limit);
            return await ReadEntriesAsync(query, cancellationToken);
        }, cancellationToken);

    public Task<RecordPage> SearchAsync(string personId, RecordQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var page = connection.CreateCommand();
            var where = SearchFilter(page.Parameters, personId, query);
            page.CommandText = $"SELECT {EntryColumns} FROM access_log_entries WHERE {where} ORDER BY sequence DESC LIMIT $take OFFSET $skip;";
            page.Parameters.AddWithValue("$take", query.Take);
            page.Parameters.AddWithValue("$skip", query.Skip);
            var entries = await ReadEntriesAsync(page, cancellationToken);

            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM access_log_entries WHERE {SearchFilter(count.Parameters, personId, query)};";
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            return new RecordPage(entries, total);
        }, cancellationToken);

    public Task<IReadOnlyList<PruneCandidate>> FindPrunableAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<PruneCandidate>>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = $"""
                SELECT e.chain_id, {string.Join(", ", EntryColumns.Split(", ").Select(column => "e." + column))}
                FROM access_log_entries e
                JOIN (SELECT chain_id, MAX(sequence) AS last FROM access_log_entries WHERE recorded_at < $cutoff GROUP BY chain_id) old
                  ON old.chain_id = e.chain_id AND old.last = e.sequence
                LIMIT $limit;
                """;
            query.Parameters.AddWithValue("$cutoff", Instants.Format(cutoff));
            query.Parameters.AddWithValue("$limit", limit);

            var candidates = new List<PruneCandidate>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new PruneCandidate(reader.GetString(0), ReadEntry(reader, offset: 1)));
            }

            return candidates;
        }, cancellationToken);

    public Task<int> PruneAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var delete = write.CreateCommand("DELETE FROM access_log_entries WHERE chain_id = $chainId AND sequence <= $sequence;");
            delete.Parameters.AddWithValue("$chainId", checkpoint.ChainId);
            delete.Parameters.AddWithValue("$sequence", checkpoint.Sequence);
            var removed = await delete.ExecuteNonQueryAsync(cancellationToken);

            await using var update = write.CreateCommand("""
                UPDATE access_log_chains SET checkpoint_sequence = $sequence, checkpoint_hash = $hash, checkpoint_recorded_at = $recordedAt,
                    checkpoint_signed_at = $signedAt, checkpoint_key_id = $keyId, checkpoint_signature = $signature
                WHERE chain_id = $chainId AND (checkpoint_sequence IS NULL OR checkpoint_sequence < $sequence);
                """);
            update.Parameters.AddWithValue("$chainId", checkpoint.ChainId);
            update.Parameters.AddWithValue("$sequence", checkpoint.Sequence);
            update.Parameters.AddWithValue("$hash", checkpoint.EntryHash);
            update.Parameters.AddWithValue("$recordedAt", Instants.Format(checkpoint.RecordedAt));
            update.Parameters.AddWithValue("$signedAt", Instants.Format(checkpoint.Signature.SignedAt));
            update.Parameters.AddWithValue("$keyId", checkpoint.Signature.KeyId);
            update.Parameters.AddWithValue("$signature", checkpoint.Signature.Value);
            await update.ExecuteNonQueryAsync(cancellationToken);
            return removed;
        }, cancellationToken);

    public Task<AccessLogCounts> CountAsync(DateOnly japanToday, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """
                SELECT
                    (SELECT COUNT(*) FROM access_log_chains),
                    (SELECT COUNT(*) FROM access_log_entries),
                    (SELECT COUNT(*) FROM access_log_entries WHERE kind = 'exchange'),
                    (SELECT COUNT(*) FROM access_log_entries WHERE kind = 'platform-access'),
                    (SELECT COUNT(*) FROM access_log_entries WHERE withheld_until > $today),
                    (SELECT COUNT(*) FROM access_log_chains WHERE checkpoint_sequence IS NOT NULL);
                """;
            query.Parameters.AddWithValue("$today", Instants.Format(japanToday));
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new AccessLogCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }, cancellationToken);

    /// <summary>Builds the WHERE clause of a person's search and binds its parameters.</summary>
    internal static string SearchFilter(SqliteParameterCollection parameters, string personId, RecordQuery query)
    {
        var conditions = new List<string> { "person_id = $personId", "(withheld_until IS NULL OR withheld_until <= $visibleOn)" };
        parameters.AddWithValue("$personId", personId);
        parameters.AddWithValue("$visibleOn", Instants.Format(query.VisibleOn));

        if (query.AgencyId is { } agency)
        {
            conditions.Add("(agency_1 = $agency OR agency_2 = $agency)");
            parameters.AddWithValue("$agency", agency);
        }

        if (query.TaskPattern is { } pattern)
        {
            conditions.Add("task_search LIKE $task ESCAPE '\\'");
            parameters.AddWithValue("$task", pattern);
        }

        if (query.OccurredFrom is { } from)
        {
            conditions.Add("occurred_at >= $from");
            parameters.AddWithValue("$from", Instants.Format(from));
        }

        if (query.OccurredBefore is { } before)
        {
            conditions.Add("occurred_at < $before");
            parameters.AddWithValue("$before", Instants.Format(before));
        }

        return string.Join(" AND ", conditions);
    }

    private static async Task<PersonChain?> FindChainAsync(SqliteConnection connection, SqliteTransaction? transaction, string personId, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT {ChainColumns} FROM access_log_chains WHERE person_id = $personId;";
        query.Parameters.AddWithValue("$personId", personId);

        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var chainId = reader.GetString(0);
        var tip = new ChainTip(chainId, reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : StoredContent.ReadInstant(reader.GetString(3)));
        var head = StoredContent.Signature(Text(reader, 4), Text(reader, 5), Text(reader, 6));
        SignedCheckpoint? checkpoint = reader.IsDBNull(7) ? null : new SignedCheckpoint(
            chainId, reader.GetInt64(7), reader.GetString(8), StoredContent.ReadInstant(reader.GetString(9)),
            StoredContent.Signature(reader.GetString(10), reader.GetString(11), reader.GetString(12))!);
        return new PersonChain(chainId, tip, head, checkpoint);
    }

    private static async Task<PersonChain> FindOrCreateAsync(SqliteWrite write, string personId, CancellationToken cancellationToken)
    {
        if (await FindChainAsync(write.Connection, write.Transaction, personId, cancellationToken) is { } chain)
        {
            return chain;
        }

        var tip = ChainTip.Start(ChainIds.New());
        await using var insert = write.CreateCommand("""
            INSERT INTO access_log_chains (person_id, chain_id, sequence, head_hash) VALUES ($personId, $chainId, 0, $hash);
            """);
        insert.Parameters.AddWithValue("$personId", personId);
        insert.Parameters.AddWithValue("$chainId", tip.ChainId);
        insert.Parameters.AddWithValue("$hash", tip.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new PersonChain(tip.ChainId, tip, null, null);
    }

    private static async Task<string?> FindSourceOwnerAsync(SqliteWrite write, string sourceKey, CancellationToken cancellationToken)
    {
        await using var query = write.CreateCommand("SELECT person_id FROM access_log_entries WHERE source_key = $sourceKey;");
        query.Parameters.AddWithValue("$sourceKey", sourceKey);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<ChainEntry?> FindBySourceAsync(SqliteWrite write, string sourceKey, CancellationToken cancellationToken)
    {
        await using var query = write.CreateCommand($"SELECT {EntryColumns} FROM access_log_entries WHERE source_key = $sourceKey;");
        query.Parameters.AddWithValue("$sourceKey", sourceKey);
        var found = await ReadEntriesAsync(query, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task InsertEntryAsync(
        SqliteWrite write, string personId, string chainId, ChainEntry entry, NewRecord record, CancellationToken cancellationToken)
    {
        await using var insert = write.CreateCommand("""
            INSERT INTO access_log_entries (chain_id, sequence, person_id, recorded_at, commitment, entry_hash, signed_at, key_id, signature,
                salt, content, kind, occurred_at, agency_1, agency_2, task_search, withheld_until, source_key)
            VALUES ($chainId, $sequence, $personId, $recordedAt, $commitment, $entryHash, $signedAt, $keyId, $signature,
                $salt, $content, $kind, $occurredAt, $agency1, $agency2, $taskSearch, $withheldUntil, $sourceKey);
            """);
        var index = record.Index;
        var parameters = insert.Parameters;
        parameters.AddWithValue("$chainId", chainId);
        parameters.AddWithValue("$sequence", entry.Sequence);
        parameters.AddWithValue("$personId", personId);
        parameters.AddWithValue("$recordedAt", Instants.Format(entry.RecordedAt));
        parameters.AddWithValue("$commitment", entry.Commitment);
        parameters.AddWithValue("$entryHash", entry.EntryHash);
        parameters.AddWithValue("$signedAt", Instants.Format(entry.Signature.SignedAt));
        parameters.AddWithValue("$keyId", entry.Signature.KeyId);
        parameters.AddWithValue("$signature", entry.Signature.Value);
        parameters.AddWithValue("$salt", entry.Content!.Salt);
        parameters.AddWithValue("$content", StoredContent.Write(entry.Content));
        parameters.AddWithValue("$kind", index.Kind);
        parameters.AddWithValue("$occurredAt", Instants.Format(index.OccurredAt));
        parameters.AddWithValue("$agency1", SqliteValues.ToDbValue(index.AgencyIds.ElementAtOrDefault(0)));
        parameters.AddWithValue("$agency2", SqliteValues.ToDbValue(index.AgencyIds.ElementAtOrDefault(1)));
        parameters.AddWithValue("$taskSearch", StoredContent.TaskSearch(index));
        parameters.AddWithValue("$withheldUntil", SqliteValues.ToDbValue(StoredContent.WriteDate(index.WithheldUntil)));
        parameters.AddWithValue("$sourceKey", record.SourceKey);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task MoveTipAsync(SqliteWrite write, string personId, long expectedSequence, ChainAppend appended, CancellationToken cancellationToken)
    {
        await using var update = write.CreateCommand("""
            UPDATE access_log_chains SET sequence = $sequence, head_hash = $hash, recorded_at = $recordedAt,
                head_signed_at = $signedAt, head_key_id = $keyId, head_signature = $signature
            WHERE person_id = $personId AND sequence = $expected;
            """);
        var signature = appended.Head.Signature;
        update.Parameters.AddWithValue("$sequence", appended.Tip.Sequence);
        update.Parameters.AddWithValue("$hash", appended.Tip.Hash);
        update.Parameters.AddWithValue("$recordedAt", Instants.Format(appended.Entry.RecordedAt));
        update.Parameters.AddWithValue("$signedAt", Instants.Format(signature.SignedAt));
        update.Parameters.AddWithValue("$keyId", signature.KeyId);
        update.Parameters.AddWithValue("$signature", signature.Value);
        update.Parameters.AddWithValue("$personId", personId);
        update.Parameters.AddWithValue("$expected", expectedSequence);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ConcurrencyConflictException("Access-log chain", appended.Tip.ChainId, expectedSequence);
        }
    }

    private static async Task<IReadOnlyList<ChainEntry>> ReadEntriesAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        var entries = new List<ChainEntry>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader, offset: 0));
        }

        return entries;
    }

    private static ChainEntry ReadEntry(SqliteDataReader reader, int offset) => new(
        reader.GetInt64(offset),
        StoredContent.ReadInstant(reader.GetString(offset + 1)),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        new HeadSignature(StoredContent.ReadInstant(reader.GetString(offset + 4)), reader.GetString(offset + 5), reader.GetString(offset + 6)),
        StoredContent.Read(reader.GetString(offset + 7), reader.GetString(offset + 8)));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
