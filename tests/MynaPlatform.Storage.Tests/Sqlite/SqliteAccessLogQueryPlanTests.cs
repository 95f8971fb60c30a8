using Microsoft.Data.Sqlite;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Storage;
using MynaPlatform.Storage.Sqlite;
using Xunit;

namespace MynaPlatform.Storage.Tests.Sqlite;

/// <summary>
/// SQLite's plans for a person's record search: the count must read the search index alone, because
/// a person with many records would otherwise cost one table row read per record.
/// </summary>
public sealed class SqliteAccessLogQueryPlanTests
{
    private const string SearchIndex = "ix_access_log_entries_person_search";

    private static readonly RecordQuery EveryFilter = new(
        "agency-1", "%児童手当%", "児童手当", new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 4, 1), 0, 50);

    private static readonly RecordQuery NoFilter = new(null, null, null, null, null, new DateOnly(2026, 4, 1), 0, 50);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SearchCount_ReadsCoveringIndexOnly(bool filtered)
    {
        var database = await CreateDatabaseAsync();

        var plan = await ExplainAsync(database, "SELECT COUNT(*) FROM access_log_entries WHERE {0};", filtered ? EveryFilter : NoFilter);

        Assert.Contains($"USING COVERING INDEX {SearchIndex}", plan);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SearchPage_WalksSearchIndexWithoutSorting(bool filtered)
    {
        var database = await CreateDatabaseAsync();

        var plan = await ExplainAsync(database,
            "SELECT sequence, content FROM access_log_entries WHERE {0} ORDER BY sequence DESC LIMIT 50 OFFSET 0;", filtered ? EveryFilter : NoFilter);

        Assert.Contains($"USING INDEX {SearchIndex}", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task Schema_OlderDatabase_DropsPersonIndex()
    {
        var path = Path.Combine(TestDataDirectory.Create("access-log-plan"), "access-log.db");
        var older = AccessLogSchema.Sqlite
            .Replace("DROP INDEX IF EXISTS ix_access_log_entries_person;", "", StringComparison.Ordinal)
            + "CREATE INDEX IF NOT EXISTS ix_access_log_entries_person ON access_log_entries (person_id, sequence DESC);";
        await new SqliteDatabase(path).InitializeAsync([older], Token);

        var database = new SqliteDatabase(path);
        await database.InitializeAsync([AccessLogSchema.Sqlite], Token);
        var indexes = await database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'access_log_entries' AND sql IS NOT NULL;";
            var names = new List<string>();
            await using var reader = await query.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }, Token);

        Assert.Contains(SearchIndex, indexes);
        Assert.DoesNotContain("ix_access_log_entries_person", indexes);
    }

    private static async Task<SqliteDatabase> CreateDatabaseAsync()
    {
        var database = new SqliteDatabase(Path.Combine(TestDataDirectory.Create("access-log-plan"), "access-log.db"));
        await database.InitializeAsync([AccessLogSchema.Sqlite], Token);
        return database;
    }

    /// <summary>Returns SQLite's plan, one step per line, for <paramref name="sql"/> with the adapter's own search conditions in place of {0}.</summary>
    private static Task<string> ExplainAsync(SqliteDatabase database, string sql, RecordQuery query) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var where = SqliteAccessLogRepository.SearchFilter(command.Parameters, "person-1", query);
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, where);
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                steps.Add(reader.GetString(3));
            }

            return string.Join('\n', steps);
        }, Token);
}
