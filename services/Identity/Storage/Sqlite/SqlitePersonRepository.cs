using Microsoft.EntityFrameworkCore;
using MynaPlatform.Identity.Accounts;

namespace MynaPlatform.Identity.Storage.Sqlite;

/// <summary>
/// Persons in the <c>persons</c> table of the token store's SQLite file (<see cref="IdentityDbContext"/>),
/// so data folders written before the repositories existed keep their accounts. Scoped, like the context.
/// </summary>
internal sealed class SqlitePersonRepository(IdentityDbContext database) : IPersonRepository
{
    public Task<string?> FindByDigestAsync(string numberDigest, CancellationToken cancellationToken) =>
        database.Persons.AsNoTracking()
            .Where(person => person.NumberDigest == numberDigest)
            .Select(person => person.PersonId)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<string> FindOrCreateAsync(string numberDigest, string newPersonId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        // A concurrent first login of the same person may win the unique index; then its PersonId is
        // used. ON CONFLICT keeps that expected race out of the error logs. The token store runs with
        // synchronous = NORMAL, but a PersonId lost in a power loss would orphan everything stored
        // under it. So this commit is synced to disk, and the next open of the pooled connection
        // sets NORMAL again.
        var createdAtMilliseconds = createdAt.ToUnixTimeMilliseconds();
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            PRAGMA synchronous = FULL;
            INSERT INTO persons (PersonId, NumberDigest, CreatedAtMilliseconds) VALUES ({newPersonId}, {numberDigest}, {createdAtMilliseconds})
            ON CONFLICT (NumberDigest) DO NOTHING;
            """, cancellationToken);

        return await FindByDigestAsync(numberDigest, cancellationToken)
            ?? throw new InvalidOperationException("The person row is missing right after it was written.");
    }
}
