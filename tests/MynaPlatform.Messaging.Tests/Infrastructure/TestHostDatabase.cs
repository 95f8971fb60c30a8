using Microsoft.Data.Sqlite;

namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>Reads a test host's SQLite file from the test, while the host may still be writing it.</summary>
public sealed class TestHostDatabase(string path)
{
    public string Path { get; } = path;

    public async Task<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False;Default Timeout=5");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // The host has not created its tables yet ("no such table").
            return 0;
        }
    }

    public async Task<List<string[]>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False;Default Timeout=5");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!).ToArray());
        }

        return rows;
    }

    /// <summary>
    /// Polls <paramref name="sql"/> until it returns at least <paramref name="expected"/>, or fails
    /// after the timeout. <paramref name="check"/> runs on every poll, so a crashed process fails the wait at once.
    /// </summary>
    public async Task<long> WaitForCountAsync(string sql, long expected, TimeSpan timeout, Action check, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long count = 0;
        try
        {
            while ((count = await CountAsync(sql, deadline.Token)) < expected)
            {
                check();
                await Task.Delay(200, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Xunit.Assert.Fail($"'{sql}' returned {count}, not {expected}, within {timeout.TotalSeconds} s.");
        }

        return count;
    }
}
