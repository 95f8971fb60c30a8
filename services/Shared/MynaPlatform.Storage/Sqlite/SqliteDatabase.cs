using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>
/// One service's SQLite file in WAL mode. Writes run in <c>BEGIN IMMEDIATE</c> transactions, so
/// a writer takes the write lock before reading and two writers never deadlock on an upgrade;
/// <c>busy_timeout</c> makes a waiting writer queue instead of failing with <c>SQLITE_BUSY</c>.
/// </summary>
/// <remarks>
/// The writers of this process queue on a semaphore before they open their transaction. SQLite's
/// busy handler polls the lock with sleeps of 1 to 100 ms, each blocking a thread-pool thread, and
/// the lock is free while its waiters sleep. Under concurrent writes a writer could then wait
/// far longer than the transactions ahead of it took, and the blocked threads slowed every other
/// request of the process. Writers of other processes (a tool, a test opening the same file) still
/// meet the lock through <c>busy_timeout</c>.
/// </remarks>
public sealed class SqliteDatabase
{
    /// <summary>How long a connection waits for the write lock before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly string ConnectionPragmas =
        $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>
    /// The native connections whose settings are applied. SQLite keeps them per connection and the
    /// pool hands a connection out again with them, so later opens skip the statement. Weakly held,
    /// so that a closed connection can be collected.
    /// </summary>
    private readonly ConditionalWeakTable<sqlite3, object> configured = [];

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
        if (connection.Handle is not { } handle || configured.TryAdd(handle, this))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = ConnectionPragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

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
        // A writer that waits as long as SQLite would have waited fails as SQLite would have.
        if (!await writeGate.WaitAsync(BusyTimeout, cancellationToken))
        {
            throw new SqliteException("database is locked", raw.SQLITE_BUSY);
        }

        SqliteWrite write;
        T result;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            write = new SqliteWrite(connection, transaction);

            result = await work(write);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }

        // After the gate is released, so that a callback may write again.
        write.RunCommittedCallbacks();
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }
}
