using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MynaPlatform.Storage.Sqlite;
using SQLitePCL;

namespace MynaPlatform.Identity.Storage;

/// <summary>
/// Applies the token store's per-connection SQLite settings the first time EF Core opens each
/// SQLite connection. SQLite keeps them per connection, and Microsoft.Data.Sqlite's pool hands the
/// same connection out again with its settings, so later opens of it skip the statement.
/// </summary>
/// <remarks>
/// <c>busy_timeout</c> lets SQLite's own busy handler wait for the write lock in steps of 1 to
/// 100 ms. Without it, Microsoft.Data.Sqlite retries a busy statement after a fixed 150 ms sleep
/// that blocks a thread-pool thread, which made concurrent logins wait 150 ms or more.
/// <c>synchronous = NORMAL</c> in WAL mode skips the fsync at each commit: a crash of the process
/// loses nothing, but a power loss or operating-system crash can lose the last commits before the
/// next checkpoint (issued tokens, consumed challenges, new persons), as in every other SQLite file
/// of the platform (<see cref="SqliteDatabase"/>).
/// </remarks>
public sealed class TokenStoreConnectionSettings : DbConnectionInterceptor
{
    private static readonly string Pragmas =
        $"PRAGMA busy_timeout = {(int)SqliteDatabase.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";

    /// <summary>The native connections already set, weakly held so that a closed one can be collected.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool FirstOpen(DbConnection connection) =>
        ((SqliteConnection)connection).Handle is not { } handle || _applied.TryAdd(handle, this);
}
