using Microsoft.EntityFrameworkCore;
using MynaPlatform.Identity.Accounts;

namespace MynaPlatform.Identity.Storage.Sqlite;

/// <summary>
/// Persons in the <c>persons</c> table of the token store's SQLite file (<see cref="IdentityDbContext"/>),
/// so data folders written before the repositories existed keep their accounts. Scoped, like the context.
/// </summary>
internal sealed class SqlitePersonRepository(IdentityDbContext database) : IPersonRepository
{
    public async Task<string?> FindByDigestAsync(string numberDigest, CancellationToken cancellationToken)
    {
        // Runs on every login, so as plain SQL (see TokenStoreConnection).
        await using var connection = await TokenStoreConnection.OpenAsync(database, cancellationToken);
        await using var find = connection.Command("SELECT PersonId FROM persons WHERE NumberDigest = $digest");
        find.Parameters.AddWithValue("$digest", numberDigest);
        return await find.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string> FindOrCreateAsync(string numberDigest, string newPersonId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        // A concurrent first login of the same person may win the unique index; then its PersonId is
        // used. ON CONFLICT keeps that expected race out of the error logs. The token store runs with
        // synchronous = NORMAL, but a PersonId lost in a power loss would orphan everything stored
        // under it. So this commit is synced to disk, and the connection returns to NORMAL after it.
        var createdAtMilliseconds = createdAt.ToUnixTimeMilliseconds();
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            PRAGMA synchronous = FULL;
            INSERT INTO persons (PersonId, NumberDigest, CreatedAtMilliseconds) VALUES ({newPersonId}, {numberDigest}, {createdAtMilliseconds})
            ON CONFLICT (NumberDigest) DO NOTHING;
            PRAGMA synchronous = NORMAL;
            """, cancellationToken);

        return await FindByDigestAsync(numberDigest, cancellationToken)
            ?? throw new InvalidOperationException("The person row is missing right after it was written.");
    }
}
