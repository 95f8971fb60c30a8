using Microsoft.Data.Sqlite;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>
/// A table whose rows carry a version number for optimistic concurrency: every update names the
/// version it read and increments it.
/// </summary>
/// <param name="Entity">Name of the record type, for the conflict message.</param>
/// <param name="Table">Table name.</param>
/// <param name="IdColumn">Primary key column, compared as text.</param>
/// <param name="VersionColumn">INTEGER column that contains the version.</param>
public sealed record SqliteVersionedTable(string Entity, string Table, string IdColumn = "id", string VersionColumn = "version");

public static class SqliteVersionedUpdate
{
    /// <summary>
    /// Runs <c>UPDATE table SET assignments, version = version + 1 WHERE id = $id AND version =
    /// $expectedVersion</c> in the transaction of <paramref name="write"/> and returns the new
    /// version. <paramref name="assignments"/> is SQL such as <c>name = $name</c>, and
    /// <paramref name="bind"/> adds its parameters.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">
    /// The row is at another version or no longer exists. The transaction stays open, so the
    /// caller's other changes are rolled back when the exception leaves <see cref="SqliteDatabase.WriteAsync{T}"/>.
    /// </exception>
    public static async Task<long> UpdateVersionedAsync(
        this SqliteWrite write,
        SqliteVersionedTable table,
        string id,
        long expectedVersion,
        string assignments,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using var update = write.CreateCommand($"""
            UPDATE {table.Table} SET {assignments}, {table.VersionColumn} = {table.VersionColumn} + 1
            WHERE {table.IdColumn} = $versionedId AND {table.VersionColumn} = $expectedVersion;
            """);
        bind(update.Parameters);
        update.Parameters.AddWithValue("$versionedId", id);
        update.Parameters.AddWithValue("$expectedVersion", expectedVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return expectedVersion + 1;
        }

        await using var current = write.CreateCommand(
            $"SELECT {table.VersionColumn} FROM {table.Table} WHERE {table.IdColumn} = $versionedId;");
        current.Parameters.AddWithValue("$versionedId", id);
        var actual = await current.ExecuteScalarAsync(cancellationToken) as long?;
        throw new ConcurrencyConflictException(table.Entity, id, expectedVersion, actual);
    }
}
