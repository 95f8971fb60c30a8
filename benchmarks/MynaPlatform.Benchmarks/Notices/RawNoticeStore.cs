using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MynaPlatform.Notices.Domain;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Benchmarks.Notices;

/// <summary>
/// The baseline of the bulk-notices benchmark: the same notice rows inserted straight into a SQLite
/// file with the notices store's own table and indexes, copied from the running service's database
/// (<c>sqlite_master</c>), one transaction and one prepared statement per batch. It writes no outbox
/// rows and no idempotency record, which the service writes beside each notice.
/// </summary>
public sealed class RawNoticeStore : IDisposable
{
    /// <summary>The columns that the service's insert sets; the others keep their defaults (null).</summary>
    private const string Insert = """
        INSERT INTO notices (notice_id, push_id, item_index, agency_client_id, agency_name, recipient, person_id, title, body,
            body_format, category, visible_at, expires_at, payment_reference, search_text, attachment_count, created_at, published_at)
        VALUES ($noticeId, $pushId, $itemIndex, $agency, $agencyName, $recipient, $personId, $title, $body,
            $bodyFormat, $category, $visibleAt, $expiresAt, $paymentReference, $searchText, $attachmentCount, $createdAt, $publishedAt);
        """;

    private readonly SqliteConnection _connection;

    private RawNoticeStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Creates a new database file with the <c>notices</c> table and its indexes as the service's database defines them.</summary>
    public static RawNoticeStore Create(string path, string serviceDatabasePath)
    {
        var schema = ReadNoticeSchema(serviceDatabasePath);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        foreach (var statement in schema)
        {
            Execute(connection, statement);
        }

        return new RawNoticeStore(connection);
    }

    /// <summary>Inserts one batch in one transaction with one prepared statement and returns how long it took.</summary>
    public TimeSpan InsertBatch(IReadOnlyList<WorkloadNotice> notices, string agencyClientId, string agencyName, IReadOnlyDictionary<string, string> personIds)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var pushId = Guid.NewGuid().ToString();
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        var parameters = new Dictionary<string, SqliteParameter>(StringComparer.Ordinal);
        foreach (var name in new[]
        {
            "$noticeId", "$pushId", "$itemIndex", "$agency", "$agencyName", "$recipient", "$personId", "$title", "$body",
            "$bodyFormat", "$category", "$visibleAt", "$expiresAt", "$paymentReference", "$searchText", "$attachmentCount", "$createdAt", "$publishedAt",
        })
        {
            parameters[name] = command.Parameters.Add(name, SqliteType.Text);
        }

        command.Prepare();
        for (var index = 0; index < notices.Count; index++)
        {
            var notice = notices[index];
            var valid = NoticeWorkload.Validate(notice, now);
            var instant = Text(now);
            parameters["$noticeId"].Value = Guid.CreateVersion7().ToString();
            parameters["$pushId"].Value = pushId;
            parameters["$itemIndex"].Value = index;
            parameters["$agency"].Value = agencyClientId;
            parameters["$agencyName"].Value = agencyName;
            parameters["$recipient"].Value = notice.Recipient;
            parameters["$personId"].Value = personIds[notice.Recipient];
            parameters["$title"].Value = valid.Title;
            parameters["$body"].Value = valid.Body;
            parameters["$bodyFormat"].Value = valid.BodyFormat.ToKey();
            parameters["$category"].Value = valid.Category.Key;
            parameters["$visibleAt"].Value = instant;
            parameters["$expiresAt"].Value = DBNull.Value;
            parameters["$paymentReference"].Value = DBNull.Value;
            parameters["$searchText"].Value = NoticeSearchDocument.Create(valid);
            parameters["$attachmentCount"].Value = 0;
            parameters["$createdAt"].Value = instant;
            parameters["$publishedAt"].Value = instant;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return clock.Elapsed;
    }

    /// <summary>Returns the statements that create the <c>notices</c> table and its indexes, as stored in the service's database.</summary>
    private static List<string> ReadNoticeSchema(string serviceDatabasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = serviceDatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'notices' AND sql IS NOT NULL ORDER BY type = 'index', name;";
        var statements = new List<string>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0));
        }

        return statements.Count > 1
            ? statements
            : throw new BenchmarkException($"{serviceDatabasePath} has no notices table with indexes; is the notices service running on SQLite?");
    }

    private static string Text(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
