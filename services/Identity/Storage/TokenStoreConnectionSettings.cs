using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage;

/// <summary>
/// Applies the token store's per-connection SQLite settings each time EF Core opens a connection,
/// because pooled connections are shared and SQLite keeps these settings per connection.
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
