using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Storage.Tests.Contract;

internal sealed class SqliteTestAccountRepository(SqliteDatabase database, SqliteOutbox outbox) : ITestAccountRepository
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS test_accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            balance TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        """;

    private static readonly SqliteVersionedTable Accounts = new("TestAccount", "test_accounts");

    public Task InsertAsync(TestAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO test_accounts (id, name, balance, updated_at, version) VALUES ($id, $name, $balance, $updatedAt, $version);
                """);
            insert.Parameters.AddWithValue("$id", account.Id.ToString());
            insert.Parameters.AddWithValue("$name", account.Name);
            insert.Parameters.AddWithValue("$balance", SqliteValues.ToText(account.Balance));
            insert.Parameters.AddWithValue("$updatedAt", SqliteValues.ToText(account.UpdatedAt));
            insert.Parameters.AddWithValue("$version", account.Version);
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<TestAccount?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT name, balance, updated_at, version FROM test_accounts WHERE id = $id;";
            query.Parameters.AddWithValue("$id", id.ToString());

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new TestAccount(
                id, reader.GetString(0), SqliteValues.ToDecimal(reader.GetString(1)), SqliteValues.ToInstant(reader.GetString(2)), reader.GetInt64(3));
        }, cancellationToken);

    public Task<long> ChangeBalanceAsync(Guid id, long expectedVersion, decimal balance, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var changed = new TestAccount(id, "", balance, updatedAt, expectedVersion + 1);
            await outbox.EnqueueAsync(write, TestAccountEvents.Changed(changed), id.ToString(), cancellationToken);

            return await write.UpdateVersionedAsync(Accounts, id.ToString(), expectedVersion, "balance = $balance, updated_at = $updatedAt", parameters =>
            {
                parameters.AddWithValue("$balance", SqliteValues.ToText(balance));
                parameters.AddWithValue("$updatedAt", SqliteValues.ToText(updatedAt));
            }, cancellationToken);
        }, cancellationToken);
}
