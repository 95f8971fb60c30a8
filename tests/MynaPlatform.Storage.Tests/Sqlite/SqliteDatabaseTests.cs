using MynaPlatform.Storage.Sqlite;
using Xunit;

namespace MynaPlatform.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests
{
    private const string CounterSchema = "CREATE TABLE IF NOT EXISTS counters (id TEXT PRIMARY KEY, value INTEGER NOT NULL);";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_NewFile_UsesWriteAheadLog()
    {
        var database = new SqliteDatabase(NewPath());
        await database.InitializeAsync([CounterSchema], Token);

        var mode = await database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync(Token);
        }, Token);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task ReadModifyWrite_TwoInstances_LosesNoUpdate()
    {
        const int writersPerInstance = 4, incrementsPerWriter = 50;
        var path = NewPath();
        SqliteDatabase[] instances = [new(path), new(path)];
        await instances[0].InitializeAsync([CounterSchema, "INSERT INTO counters (id, value) VALUES ('c', 0);"], Token);

        // Each write reads the counter and writes it back plus one. BEGIN IMMEDIATE takes the write
        // lock before the read, so no update is lost and no writer fails to upgrade its lock with
        // SQLITE_BUSY. Any exception fails the test.
        var writers = instances.SelectMany(database => Enumerable.Range(0, writersPerInstance).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsPerWriter; i++)
            {
                await database.WriteAsync(async write =>
                {
                    await using var read = write.CreateCommand("SELECT value FROM counters WHERE id = 'c';");
                    var value = (long)(await read.ExecuteScalarAsync(Token))!;
                    await using var update = write.CreateCommand("UPDATE counters SET value = $value WHERE id = 'c';");
                    update.Parameters.AddWithValue("$value", value + 1);
                    return await update.ExecuteNonQueryAsync(Token);
                }, Token);
            }
        }, Token)));
        await Task.WhenAll(writers);

        Assert.Equal(2 * writersPerInstance * incrementsPerWriter, await ReadCounterAsync(instances[1]));
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackAndSkipsCallbacks()
    {
        var database = new SqliteDatabase(NewPath());
        await database.InitializeAsync([CounterSchema, "INSERT INTO counters (id, value) VALUES ('c', 0);"], Token);
        var callbacks = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(async write =>
        {
            write.OnCommitted(() => callbacks++);
            await using var update = write.CreateCommand("UPDATE counters SET value = 5 WHERE id = 'c';");
            await update.ExecuteNonQueryAsync(Token);
            throw new InvalidOperationException("The change failed after the update.");
        }, Token));

        Assert.Equal(0, await ReadCounterAsync(database));
        Assert.Equal(0, callbacks);
    }

    [Fact]
    public async Task WriteAsync_Commits_RunsCallbacksAfterCommit()
    {
        var database = new SqliteDatabase(NewPath());
        await database.InitializeAsync([CounterSchema, "INSERT INTO counters (id, value) VALUES ('c', 0);"], Token);
        long? seenByCallback = null;

        await database.WriteAsync(async write =>
        {
            write.OnCommitted(() => seenByCallback = ReadCounterAsync(database).GetAwaiter().GetResult());
            await using var update = write.CreateCommand("UPDATE counters SET value = 7 WHERE id = 'c';");
            return await update.ExecuteNonQueryAsync(Token);
        }, Token);

        Assert.Equal(7, seenByCallback);
    }

    [Fact]
    public async Task WriteAsync_WhileAnotherWrites_QueuesAsync()
    {
        var database = new SqliteDatabase(NewPath());
        await database.InitializeAsync([CounterSchema], Token);
        var (first, finishFirst) = await StartOpenWriteAsync(database, "first");

        // Without the process's write queue, this call would block its thread in SQLite's busy
        // handler until the first transaction ends or busy_timeout (30 s) runs out.
        var second = database.WriteAsync(write => InsertCounterAsync(write, "second"), Token);
        Assert.False(second.IsCompleted);

        finishFirst.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(["first", "second"], await ReadCounterIdsAsync(database));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_WritesNothing()
    {
        var database = new SqliteDatabase(NewPath());
        await database.InitializeAsync([CounterSchema], Token);
        var (first, finishFirst) = await StartOpenWriteAsync(database, counterId: null);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var queued = database.WriteAsync(write => InsertCounterAsync(write, "cancelled"), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        finishFirst.SetResult();
        await first;
        await database.WriteAsync(write => InsertCounterAsync(write, "after"), Token);
        Assert.Equal(["after"], await ReadCounterIdsAsync(database));
    }

    [Fact]
    public void Values_InstantText_SortsByTime()
    {
        var earlier = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        var later = new DateTimeOffset(2026, 4, 1, 1, 0, 0, 1, TimeSpan.Zero);

        var earlierText = SqliteValues.ToText(earlier);
        var laterText = SqliteValues.ToText(later);

        Assert.Equal("2026-04-01T00:00:00.0000000Z", earlierText);
        Assert.True(string.CompareOrdinal(earlierText, laterText) < 0);
        Assert.Equal(earlier, SqliteValues.ToInstant(earlierText));
    }

    [Fact]
    public void Values_Decimal_RoundTripsExactly()
    {
        var amount = 79_228_162_514_264_337_593_543.9503m;

        Assert.Equal(amount, SqliteValues.ToDecimal(SqliteValues.ToText(amount)));
        Assert.Equal("-0.10", SqliteValues.ToText(-0.10m));
    }

    private static Task<long> ReadCounterAsync(SqliteDatabase database) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM counters WHERE id = 'c';";
            return (long)(await command.ExecuteScalarAsync(Token))!;
        }, Token);

    /// <summary>
    /// Starts a write transaction, which first inserts the counter <paramref name="counterId"/> when one is
    /// given, and returns once it is open. It stays open until the returned source is completed.
    /// </summary>
    private static async Task<(Task<bool> Write, TaskCompletionSource Finish)> StartOpenWriteAsync(SqliteDatabase database, string? counterId)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = database.WriteAsync(async write =>
        {
            if (counterId is not null)
            {
                await InsertCounterAsync(write, counterId);
            }

            opened.SetResult();
            await finish.Task;
            return true;
        }, Token);

        await opened.Task;
        return (write, finish);
    }

    private static async Task<bool> InsertCounterAsync(SqliteWrite write, string id)
    {
        await using var insert = write.CreateCommand("INSERT INTO counters (id, value) VALUES ($id, 0);");
        insert.Parameters.AddWithValue("$id", id);
        return await insert.ExecuteNonQueryAsync(Token) == 1;
    }

    private static Task<List<string>> ReadCounterIdsAsync(SqliteDatabase database) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM counters ORDER BY rowid;";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, Token);

    private static string NewPath() => Path.Combine(TestDataDirectory.Create("sqlite"), "test.db");
}
