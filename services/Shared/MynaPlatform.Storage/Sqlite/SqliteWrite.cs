using Microsoft.Data.Sqlite;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>An open write transaction: commands created here take part in it.</summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction)
{
    private readonly List<Action> committedCallbacks = [];

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public SqliteCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Registers an action to run once the transaction has committed, never on rollback.</summary>
    public void OnCommitted(Action callback) => committedCallbacks.Add(callback);

    internal void RunCommittedCallbacks()
    {
        foreach (var callback in committedCallbacks)
        {
            callback();
        }
    }
}
