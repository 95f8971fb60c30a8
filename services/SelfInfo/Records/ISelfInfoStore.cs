namespace MynaPlatform.SelfInfo.Records;

/// <summary>
/// Storage of records, versions and flags. Every method that returns record data to someone other
/// than the person takes an <see cref="AccessContext"/> and writes the <c>PersonDataAccessed</c>
/// event in the same transaction as the read, so data never leaves without its access event.
/// </summary>
public interface ISelfInfoStore
{
    /// <summary>
    /// Stores the publication as version 1 of a new record, or as the next version of the agency's
    /// record with that key, keeping the earlier versions and closing an open flag as corrected.
    /// </summary>
    /// <exception cref="MynaPlatform.Storage.ConcurrencyConflictException">Another publication of the same key won a race.</exception>
    Task<PublishOutcome> PublishAsync(Publication publication, CancellationToken cancellationToken);

    /// <summary>The person's records (flagged ones included, for the API to hide), optionally of one category.</summary>
    Task<IReadOnlyList<StoredRecord>> ListForPersonAsync(string personId, Domain.Categories.SelfInfoCategory? category, CancellationToken cancellationToken);

    /// <summary>The record if it is the person's now; null for an unknown record or another person's.</summary>
    Task<StoredRecord?> FindForPersonAsync(string personId, Guid recordId, CancellationToken cancellationToken);

    /// <summary>The person's records that are not under review and whose search text contains <paramref name="normalizedQuery"/>.</summary>
    Task<IReadOnlyList<StoredRecord>> SearchForPersonAsync(string personId, string normalizedQuery, CancellationToken cancellationToken);

    /// <summary>
    /// Flags the person's record as not theirs. Returns the open flag (created now or before), or
    /// null when the record is unknown or belongs to another person.
    /// </summary>
    Task<FlagOutcome?> FlagAsync(string personId, Guid recordId, DateTimeOffset flaggedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the records the agency provided about the person that are not under review, and
    /// writes one access event when there is at least one.
    /// </summary>
    Task<IReadOnlyList<StoredRecord>> ReadForAgencyAsync(string agencyClientId, string personId, AccessContext access, CancellationToken cancellationToken);

    /// <summary>
    /// Returns one record of the agency with the versions about its current person, and writes one
    /// access event, unless the record is under review: then it is returned without versions and
    /// without an event. Null when the agency has no record with that key.
    /// </summary>
    Task<RecordHistory?> ReadHistoryForAgencyAsync(string agencyClientId, string recordKey, AccessContext access, CancellationToken cancellationToken);

    /// <summary>Returns every record of the person for an operator and writes one access event for those not under review.</summary>
    Task<IReadOnlyList<StoredRecord>> ReadForOperatorAsync(string personId, AccessContext access, CancellationToken cancellationToken);

    /// <summary>Open flags on the agency's records, or on every record when <paramref name="agencyClientId"/> is null, oldest first.</summary>
    Task<IReadOnlyList<FlagListing>> ListOpenFlagsAsync(string? agencyClientId, CancellationToken cancellationToken);

    /// <summary>Closes an open flag after an operator's review, so the record is shown again. False when no such open flag exists.</summary>
    Task<bool> ClearFlagAsync(Guid flagId, string operatorClientId, string reason, DateTimeOffset clearedAt, CancellationToken cancellationToken);
}
