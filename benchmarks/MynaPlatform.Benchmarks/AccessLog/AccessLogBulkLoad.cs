using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Text;

namespace MynaPlatform.Benchmarks.AccessLog;

/// <summary>What a bulk load wrote and how long it took.</summary>
public sealed record BulkLoadResult(long Records, long Chains, TimeSpan Elapsed)
{
    public double PerSecond => Records / Elapsed.TotalSeconds;
}

/// <summary>
/// Writes access records straight into the running access-log service's SQLite file, with chains
/// built by the domain's own code (<see cref="ChainTip.Append(LogRecord, DateTimeOffset, ChainSigner)"/>)
/// and signed with the service's current signing key, so that they verify like appended ones. The
/// rows and the chain tips are those that the service's SQLite adapter writes. Each batch is one
/// <c>BEGIN IMMEDIATE</c> transaction, which the service's own appends wait for. The other persons'
/// chains are new. The test person's chain continues from its stored tip, read inside the
/// transaction, so an append by the service in between cannot fork it. The test person's records are
/// spread over all batches, so that they lie among the others in the file as they would after years.
/// </summary>
public sealed class AccessLogBulkLoad : IDisposable
{
    private const string InsertEntry = """
        INSERT INTO access_log_entries (chain_id, sequence, person_id, recorded_at, commitment, entry_hash, signed_at, key_id, signature,
            salt, content, kind, occurred_at, agency_1, agency_2, task_search, withheld_until, source_key)
        VALUES ($chainId, $sequence, $personId, $recordedAt, $commitment, $entryHash, $signedAt, $keyId, $signature,
            $salt, $content, $kind, $occurredAt, $agency1, NULL, $taskSearch, NULL, $sourceKey);
        """;

    private const string UpsertChain = """
        INSERT INTO access_log_chains (person_id, chain_id, sequence, head_hash, recorded_at, head_signed_at, head_key_id, head_signature)
        VALUES ($personId, $chainId, $sequence, $hash, $recordedAt, $signedAt, $keyId, $signature)
        ON CONFLICT (person_id) DO UPDATE SET sequence = excluded.sequence, head_hash = excluded.head_hash, recorded_at = excluded.recorded_at,
            head_signed_at = excluded.head_signed_at, head_key_id = excluded.head_key_id, head_signature = excluded.head_signature;
        """;

    private readonly SqliteConnection _connection;
    private readonly ChainSigningKey _key;
    private readonly ChainSigner _signer;
    private readonly AccessWorkload _workload;

    private AccessLogBulkLoad(SqliteConnection connection, ChainSigningKey key, AccessWorkload workload)
    {
        _connection = connection;
        _key = key;
        _signer = new ChainSigner(key);
        _workload = workload;
    }

    public string KeyId => _key.KeyId;

    /// <summary>Opens the service's database and loads its current signing key, the newest one, which the service signs with.</summary>
    public static AccessLogBulkLoad Open(string databasePath, AccessWorkload workload)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT key_id, private_key_pem FROM access_log_signing_keys ORDER BY created_at DESC, key_id DESC LIMIT 1;";
        using var reader = query.ExecuteReader();
        if (!reader.Read())
        {
            connection.Dispose();
            throw new BenchmarkException($"{databasePath} has no signing key yet; the access-log service creates one when it starts.");
        }

        return new AccessLogBulkLoad(connection, ChainSigningKey.FromPem(reader.GetString(0), reader.GetString(1)), workload);
    }

    /// <summary>
    /// Loads <paramref name="total"/> records: <paramref name="personRecords"/> of them to
    /// <paramref name="personId"/>'s chain and the rest to new persons with <paramref name="chainRecords"/>
    /// each, in transactions of about <paramref name="batchSize"/> rows. The next batch is built on the
    /// other cores while one is written.
    /// </summary>
    public async Task<BulkLoadResult> LoadAsync(
        string personId, long total, long personRecords, long chainRecords, int batchSize, Func<long, TimeSpan, Task> progress)
    {
        var batchCount = (int)Math.Max(1, (total + batchSize - 1) / batchSize);
        var otherTotal = total - personRecords;
        var others = new OtherChains(this, otherTotal, chainRecords);
        var clock = Stopwatch.StartNew();
        long written = 0, personWritten = 0;
        var next = Task.Run(() => others.Build(Share(otherTotal, batchCount, 0)));
        for (var batch = 0; batch < batchCount; batch++)
        {
            var segments = await next;
            if (batch + 1 < batchCount)
            {
                var share = Share(otherTotal, batchCount, batch + 1);
                next = Task.Run(() => others.Build(share));
            }

            var personShare = Share(personRecords, batchCount, batch);
            written += Write(segments, personId, personWritten, personShare, personRecords);
            personWritten += personShare;
            if ((batch + 1) % Math.Max(1, batchCount / 20) == 0 || batch + 1 == batchCount)
            {
                await progress(written, clock.Elapsed);
            }
        }

        return new BulkLoadResult(written, others.ChainCount + 1, clock.Elapsed);
    }

    /// <summary>Returns batch <paramref name="batch"/>'s share of <paramref name="count"/> records spread evenly over the batches.</summary>
    private static long Share(long count, int batchCount, int batch) => (count * (batch + 1) / batchCount) - (count * batch / batchCount);

    private long Write(IReadOnlyList<ChainSegment> segments, string personId, long personFirst, long personCount, long personRecords)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var insert = Command(transaction, InsertEntry);
        using var chain = Command(transaction, UpsertChain);
        insert.Prepare();
        chain.Prepare();

        long rows = 0;
        if (personCount > 0)
        {
            // The test person's chain continues from its tip as stored now, inside the write lock.
            var tip = ReadTip(transaction, personId) ?? ChainTip.Start(ChainIds.New());
            var segment = ChainSegment.Build(this, personId, tip, personFirst, personCount, personRecords);
            rows += WriteSegment(insert, chain, segment);
        }

        foreach (var segment in segments)
        {
            rows += WriteSegment(insert, chain, segment);
        }

        transaction.Commit();
        return rows;
    }

    private static long WriteSegment(SqliteCommand insert, SqliteCommand chain, ChainSegment segment)
    {
        foreach (var row in segment.Rows)
        {
            var parameters = insert.Parameters;
            parameters["$chainId"].Value = segment.Tip.ChainId;
            parameters["$sequence"].Value = row.Entry.Sequence;
            parameters["$personId"].Value = segment.PersonId;
            parameters["$recordedAt"].Value = Instants.Format(row.Entry.RecordedAt);
            parameters["$commitment"].Value = row.Entry.Commitment;
            parameters["$entryHash"].Value = row.Entry.EntryHash;
            parameters["$signedAt"].Value = Instants.Format(row.Entry.Signature.SignedAt);
            parameters["$keyId"].Value = row.Entry.Signature.KeyId;
            parameters["$signature"].Value = row.Entry.Signature.Value;
            parameters["$salt"].Value = row.Entry.Content!.Salt;
            parameters["$content"].Value = Encoding.UTF8.GetString(CanonicalJson.Serialize(row.Entry.Content.Record));
            parameters["$kind"].Value = row.Record.Kind;
            parameters["$occurredAt"].Value = Instants.Format(row.Record.AccessedAt);
            parameters["$agency1"].Value = row.Record.AccessorId;
            parameters["$taskSearch"].Value = SearchText.Normalize(row.Record.Purpose);
            parameters["$sourceKey"].Value = row.SourceKey;
            insert.ExecuteNonQuery();
        }

        var head = segment.Head!;
        chain.Parameters["$personId"].Value = segment.PersonId;
        chain.Parameters["$chainId"].Value = head.ChainId;
        chain.Parameters["$sequence"].Value = head.Sequence;
        chain.Parameters["$hash"].Value = head.HeadHash;
        chain.Parameters["$recordedAt"].Value = Instants.Format(segment.Tip.RecordedAt!.Value);
        chain.Parameters["$signedAt"].Value = Instants.Format(head.Signature.SignedAt);
        chain.Parameters["$keyId"].Value = head.Signature.KeyId;
        chain.Parameters["$signature"].Value = head.Signature.Value;
        chain.ExecuteNonQuery();
        return segment.Rows.Count;
    }

    private ChainTip? ReadTip(SqliteTransaction transaction, string personId)
    {
        using var query = Command(transaction, "SELECT chain_id, sequence, head_hash, recorded_at FROM access_log_chains WHERE person_id = $personId;");
        query.Parameters["$personId"].Value = personId;
        using var reader = query.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        DateTimeOffset? recordedAt = reader.IsDBNull(3) ? null : Instants.TryParse(reader.GetString(3), out DateTimeOffset instant) ? instant : null;
        return new ChainTip(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), recordedAt);
    }

    /// <summary>Creates a command with every <c>$name</c> of its text as a parameter.</summary>
    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[A-Za-z0-9]+").Select(match => match.Value).Distinct())
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _key.Dispose();
    }

    /// <summary>One row to write: the chain entry, its record and its source key.</summary>
    private sealed record EntryRow(ChainEntry Entry, PlatformAccessRecord Record, string SourceKey);

    /// <summary>Consecutive entries of one chain, the tip after them and the signed head at that tip.</summary>
    private sealed class ChainSegment
    {
        public required string PersonId { get; init; }

        public required List<EntryRow> Rows { get; init; }

        public required ChainTip Tip { get; set; }

        public SignedHead? Head { get; set; }

        /// <summary>Appends records <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of the person after <paramref name="tip"/>.</summary>
        public static ChainSegment Build(AccessLogBulkLoad load, string personId, ChainTip tip, long first, long count, long recordsOfPerson)
        {
            var segment = new ChainSegment { PersonId = personId, Rows = new List<EntryRow>((int)count), Tip = tip };
            for (var number = first; number < first + count; number++)
            {
                var accessed = load._workload.Event(personId, number, recordsOfPerson);
                var record = PlatformAccessRecord.FromEvent(accessed);
                var appended = segment.Tip.Append(record, DateTimeOffset.UtcNow, load._signer);
                segment.Rows.Add(new EntryRow(appended.Entry, record, $"access:{accessed.AccessId:D}"));
                segment.Tip = appended.Tip;
                segment.Head = appended.Head;
            }

            return segment;
        }
    }

    /// <summary>The other persons' chains, filled one after another; a chain may continue into the next batch.</summary>
    private sealed class OtherChains(AccessLogBulkLoad load, long total, long chainRecords)
    {
        private long _assigned;
        private (string PersonId, ChainTip Tip, long Written, long Size)? _open;

        public long ChainCount { get; private set; }

        /// <summary>Builds the next <paramref name="count"/> records as segments, one per chain, in parallel across chains.</summary>
        public IReadOnlyList<ChainSegment> Build(long count)
        {
            var plans = new List<(string PersonId, ChainTip Tip, long First, long Count, long Size)>();
            while (count > 0 && _assigned < total)
            {
                if (_open is null)
                {
                    var size = Math.Min(chainRecords, total - _assigned);
                    _open = (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), ChainTip.Start(ChainIds.New()), 0, size);
                    ChainCount++;
                }

                var open = _open.Value;
                var take = Math.Min(count, open.Size - open.Written);
                plans.Add((open.PersonId, open.Tip, open.Written, take, open.Size));
                count -= take;
                _assigned += take;
                _open = open.Written + take == open.Size ? null : open with { Written = open.Written + take };
            }

            var segments = new ChainSegment[plans.Count];
            Parallel.For(0, plans.Count, index =>
            {
                var plan = plans[index];
                segments[index] = ChainSegment.Build(load, plan.PersonId, plan.Tip, plan.First, plan.Count, plan.Size);
            });

            // A chain that continues into the next batch continues from this batch's tip.
            if (_open is { } continuing && plans.Count > 0 && plans[^1].PersonId == continuing.PersonId)
            {
                _open = continuing with { Tip = segments[^1].Tip };
            }

            return segments;
        }
    }
}
