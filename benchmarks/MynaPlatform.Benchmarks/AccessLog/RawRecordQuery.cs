using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Text;

namespace MynaPlatform.Benchmarks.AccessLog;

/// <summary>A person's record filter: an agency id, part of a task name and a period of Japan dates, each optional.</summary>
public sealed record RecordPageFilter(string? Agency, string? Task, DateOnly? From, DateOnly? To)
{
    public static readonly RecordPageFilter None = new(null, null, null, null);

    /// <summary>The query string of the service's <c>me/records</c> route for this filter and a page of <paramref name="pageSize"/>.</summary>
    public string QueryString(int pageSize)
    {
        var parts = new List<string> { $"pageSize={pageSize}" };
        AddPart(parts, "agency", Agency);
        AddPart(parts, "task", Task);
        AddPart(parts, "from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        AddPart(parts, "to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    private static void AddPart(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

/// <summary>
/// The access-log service's page query run straight on its SQLite file: the same two statements
/// (the page, then the count) with the same conditions and parameters as
/// <c>SqliteAccessLogRepository.SearchAsync</c> and its <c>SearchFilter</c>, which this copies.
/// </summary>
public sealed class RawRecordQuery : IDisposable
{
    private const string EntryColumns = "sequence, recorded_at, commitment, entry_hash, signed_at, key_id, signature, salt, content";

    private readonly SqliteConnection _connection;

    public RawRecordQuery(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        _connection.Open();
    }

    /// <summary>Runs the page and the count query; returns the rows read and the total.</summary>
    public (int Rows, long Total) Run(string personId, RecordPageFilter filter, int pageSize)
    {
        using var page = _connection.CreateCommand();
        page.CommandText = $"SELECT {EntryColumns} FROM access_log_entries WHERE {Where(page.Parameters, personId, filter)} ORDER BY sequence DESC LIMIT $take OFFSET $skip;";
        page.Parameters.AddWithValue("$take", pageSize);
        page.Parameters.AddWithValue("$skip", 0);
        var rows = 0;
        using (var reader = page.ExecuteReader())
        {
            while (reader.Read())
            {
                // Read every column, as the adapter does when it builds the entries.
                for (var ordinal = 0; ordinal < reader.FieldCount; ordinal++)
                {
                    _ = reader.GetValue(ordinal);
                }

                rows++;
            }
        }

        using var count = _connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM access_log_entries WHERE {Where(count.Parameters, personId, filter)};";
        return (rows, (long)count.ExecuteScalar()!);
    }

    /// <summary>Returns SQLite's plan for the page and the count query, one line per plan step.</summary>
    public IReadOnlyList<string> Explain(string personId, RecordPageFilter filter, int pageSize)
    {
        var lines = new List<string>();
        foreach (var (label, sql) in new[]
        {
            ("page", $"SELECT {EntryColumns} FROM access_log_entries WHERE {{0}} ORDER BY sequence DESC LIMIT $take OFFSET $skip;"),
            ("count", "SELECT COUNT(*) FROM access_log_entries WHERE {0};"),
        })
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Where(command.Parameters, personId, filter));
            command.Parameters.AddWithValue("$take", pageSize);
            command.Parameters.AddWithValue("$skip", 0);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add($"{label}: {reader.GetString(3)}");
            }
        }

        return lines;
    }

    /// <summary>Reads a person's whole chain as the service stores it: the signed head and every entry in sequence order.</summary>
    public (SignedHead Head, IReadOnlyList<ChainEntry> Entries) ReadChain(string personId)
    {
        using var chain = _connection.CreateCommand();
        chain.CommandText = "SELECT chain_id, sequence, head_hash, head_signed_at, head_key_id, head_signature FROM access_log_chains WHERE person_id = $personId;";
        chain.Parameters.AddWithValue("$personId", personId);
        SignedHead head;
        using (var reader = chain.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new BenchmarkException("The test person has no chain in the access log.");
            }

            head = new SignedHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                new HeadSignature(Instant(reader.GetString(3)), reader.GetString(4), reader.GetString(5)));
        }

        using var entries = _connection.CreateCommand();
        entries.CommandText = $"SELECT {EntryColumns} FROM access_log_entries WHERE chain_id = $chainId ORDER BY sequence;";
        entries.Parameters.AddWithValue("$chainId", head.ChainId);
        var list = new List<ChainEntry>();
        using (var reader = entries.ExecuteReader())
        {
            while (reader.Read())
            {
                list.Add(new ChainEntry(
                    reader.GetInt64(0), Instant(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                    new HeadSignature(Instant(reader.GetString(4)), reader.GetString(5), reader.GetString(6)),
                    new RevealedContent(reader.GetString(7), (JsonObject)JsonNode.Parse(reader.GetString(8))!)));
            }
        }

        return (head, list);
    }

    /// <summary>Counts the entries of the given persons, for the ingestion measurement.</summary>
    public long CountEntries(IReadOnlyList<string> personIds)
    {
        using var count = _connection.CreateCommand();
        var names = personIds.Select((personId, index) =>
        {
            count.Parameters.AddWithValue($"$p{index}", personId);
            return $"$p{index}";
        });
        count.CommandText = $"SELECT COUNT(*) FROM access_log_entries WHERE person_id IN ({string.Join(", ", names)});";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>The conditions of <c>SqliteAccessLogRepository.SearchFilter</c> with the values that <c>RecordFilter.ToQuery</c> derives.</summary>
    private static string Where(SqliteParameterCollection parameters, string personId, RecordPageFilter filter)
    {
        var conditions = new List<string> { "person_id = $personId", "(withheld_until IS NULL OR withheld_until <= $visibleOn)" };
        parameters.AddWithValue("$personId", personId);
        parameters.AddWithValue("$visibleOn", Instants.Format(Instants.JapanDate(DateTimeOffset.UtcNow)));
        if (filter.Agency is { } agency)
        {
            conditions.Add("(agency_1 = $agency OR agency_2 = $agency)");
            parameters.AddWithValue("$agency", agency);
        }

        if (filter.Task is { } task)
        {
            conditions.Add("task_search LIKE $task ESCAPE '\\'");
            parameters.AddWithValue("$task", LikePattern.Contains(task));
        }

        if (filter.From is { } from)
        {
            conditions.Add("occurred_at >= $from");
            parameters.AddWithValue("$from", Instants.Format(StartOfJapanDay(from)));
        }

        if (filter.To is { } to)
        {
            conditions.Add("occurred_at < $before");
            parameters.AddWithValue("$before", Instants.Format(StartOfJapanDay(to.AddDays(1))));
        }

        return string.Join(" AND ", conditions);
    }

    private static DateTimeOffset StartOfJapanDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Instants.JapanOffset).ToUniversalTime();

    private static DateTimeOffset Instant(string text) =>
        Instants.TryParse(text, out DateTimeOffset instant) ? instant : throw new BenchmarkException($"The stored instant '{text}' is invalid.");

    public void Dispose() => _connection.Dispose();
}
