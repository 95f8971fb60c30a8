using Microsoft.Data.Sqlite;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>
/// One service's SQLite file in WAL mode. Writes run in <c>BEGIN IMMEDIATE</c> transactions, so
/// a writer takes the write lock before reading and two writers never deadlock on an upgrade;
/// <c>busy_timeout</c> makes a waiting writer queue instead of failing with <c>SQLITE_BUSY</c>.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>How long a connection waits for the write lock before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText =
            $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Switches the file to WAL and applies each schema script in one write transaction.</summary>
    public async Task InitializeAsync(IEnumerable<string> schemaScripts, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteAsync(async write =>
        {
            foreach (var script in schemaScripts)
            {
                await using var command = write.CreateCommand(script);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction and commits it; the
    /// callbacks registered with <see cref="SqliteWrite.OnCommitted"/> run after the commit.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var write = new SqliteWrite(connection, transaction);

        var result = await work(write);
        await transaction.CommitAsync(cancellationToken);

        write.RunCommittedCallbacks();
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }
}
