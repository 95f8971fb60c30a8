using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MynaPlatform.Identity.Storage;

/// <summary>
/// The token store's SQLite connection, opened through its EF Core context for a few plain SQL
/// statements on the login path. Opening it through the context applies the connection settings
/// (<see cref="TokenStoreConnectionSettings"/>) and joins a transaction the context has begun;
/// disposing it closes the connection only if this opened it.
/// </summary>
/// <remarks>
/// A LINQ query costs EF Core a walk of its expression tree on every call, to find the query in
/// its cache and extract the parameters. For the two statements every login makes on this file,
/// that walk cost more than SQLite's own work.
/// </remarks>
public sealed class TokenStoreConnection : IAsyncDisposable
{
    private readonly IdentityDbContext _database;
    private readonly SqliteConnection _connection;

    private TokenStoreConnection(IdentityDbContext database)
    {
        _database = database;
        _connection = (SqliteConnection)database.Database.GetDbConnection();
    }

    public static async Task<TokenStoreConnection> OpenAsync(IdentityDbContext database, CancellationToken cancellationToken)
    {
        await database.Database.OpenConnectionAsync(cancellationToken);
        return new TokenStoreConnection(database);
    }

    /// <summary>A command on this connection, enlisted in the context's transaction if there is one.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _database.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        return command;
    }

    public async ValueTask DisposeAsync() => await _database.Database.CloseConnectionAsync();
}
