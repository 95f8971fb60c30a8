using MynaPlatform.Contracts.Access;

namespace MynaPlatform.Identity.Agencies;

/// <summary>The platform's record of an agency client, with the key of its pairwise person identifiers.</summary>
public sealed record AgencyRecord(string ClientId, string DisplayName, string? LocalGovernmentCode, byte[] IdentifierKey);

/// <summary>Agency records by client id, on SQLite or MongoDB.</summary>
public interface IAgencyRepository
{
    Task<AgencyRecord?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Stores the record unless one with its client id exists, and returns the stored record.</summary>
    Task<AgencyRecord> AddIfMissingAsync(AgencyRecord agency, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task DeleteAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>Each agency's own identifiers of persons, on SQLite or MongoDB.</summary>
public interface IAgencyIdentifierRepository
{
    /// <summary>
    /// Stores the agency's identifier of the person unless it is stored already, and writes
    /// <paramref name="access"/> to the outbox in the same transaction, so every enrollment is an
    /// access event the person sees.
    /// </summary>
    Task EnrollAsync(string clientId, string agencyPersonId, string personId, PersonDataAccessed access, CancellationToken cancellationToken);

    /// <summary>Returns the PersonId of each identifier that this agency holds; identifiers of other agencies are not found.</summary>
    Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        string clientId, IReadOnlyCollection<string> agencyPersonIds, CancellationToken cancellationToken);
}
