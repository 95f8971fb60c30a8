using Microsoft.EntityFrameworkCore;

namespace MynaPlatform.Identity.Storage;

/// <summary>
/// The identity service's token store, on SQLite in every run mode. It contains OpenIddict's
/// applications, authorizations and tokens (refresh tokens must be revocable) and the login
/// challenges. When <c>Storage:Provider</c> is Sqlite it also contains the PersonId of each person.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string FileName = "identity-auth.db";

    public DbSet<LoginChallengeRecord> LoginChallenges => Set<LoginChallengeRecord>();

    public DbSet<PersonRecord> Persons => Set<PersonRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();

        modelBuilder.Entity<LoginChallengeRecord>(challenge =>
        {
            challenge.ToTable("login_challenges");
            challenge.HasKey(record => record.ChallengeId);
            challenge.HasIndex(record => record.ExpiresAtMilliseconds);
        });

        modelBuilder.Entity<PersonRecord>(person =>
        {
            person.ToTable("persons");
            person.HasKey(record => record.PersonId);
            person.HasIndex(record => record.NumberDigest).IsUnique();
        });
    }
}

/// <summary>A login challenge; times are Unix milliseconds so that SQLite compares them as numbers.</summary>
public sealed class LoginChallengeRecord
{
    public required string ChallengeId { get; init; }

    public required byte[] Value { get; init; }

    public required long ExpiresAtMilliseconds { get; init; }

    public long? UsedAtMilliseconds { get; set; }
}

/// <summary>
/// A person known to the platform. Only a keyed digest of the individual number is stored, under
/// a unique index, which also keeps one PersonId per person.
/// </summary>
public sealed class PersonRecord
{
    public required string PersonId { get; init; }

    public required string NumberDigest { get; init; }

    public required long CreatedAtMilliseconds { get; init; }
}
