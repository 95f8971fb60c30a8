using MynaPlatform.Identity.Accounts;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteCertificateLinkRepository(SqliteDatabase database) : ICertificateLinkRepository
{
    public Task<string?> FindPersonAsync(string thumbprint, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT person_id FROM certificate_links WHERE thumbprint = $thumbprint;";
            find.Parameters.AddWithValue("$thumbprint", thumbprint);
            return await find.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public Task LinkAsync(string thumbprint, string personId, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO certificate_links (thumbprint, person_id, linked_at) VALUES ($thumbprint, $personId, $linkedAt)
                ON CONFLICT (thumbprint) DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$thumbprint", thumbprint);
            insert.Parameters.AddWithValue("$personId", personId);
            insert.Parameters.AddWithValue("$linkedAt", SqliteValues.ToText(linkedAt));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
