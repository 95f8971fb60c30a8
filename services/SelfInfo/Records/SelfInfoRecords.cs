using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;

namespace MynaPlatform.SelfInfo.Records;

/// <summary>One version of a record as stored. Versions are never changed once written.</summary>
/// <param name="PersonId">The platform's PersonId the version is about.</param>
/// <param name="AgencyPersonId">The providing agency's own identifier for that person.</param>
/// <param name="AgencyName">The agency's display name when it published the version.</param>
public sealed record StoredVersion(
    int Version,
    string PersonId,
    string AgencyPersonId,
    string AgencyName,
    SelfInfoCategory Category,
    DateOnly AsOf,
    IReadOnlyList<RecordItem> Items,
    DateTimeOffset PublishedAt);

/// <summary>A record with its current version and, while a person disputes it, the open flag.</summary>
public sealed record StoredRecord(Guid RecordId, string AgencyClientId, string RecordKey, StoredVersion Current, OpenFlag? Flag)
{
    /// <summary>A flagged record is hidden from every reader until the agency corrects it or an operator clears the flag.</summary>
    public bool IsUnderReview => Flag is not null;
}

/// <summary>A person's "this is not me" flag that no correction or operator has closed yet.</summary>
public sealed record OpenFlag(Guid FlagId, int Version, DateTimeOffset FlaggedAt);

/// <summary>An open flag as the providing agency and operators list it, without the record's data.</summary>
public sealed record FlagListing(
    Guid FlagId, Guid RecordId, string AgencyClientId, string RecordKey, string AgencyPersonId, int Version, DateTimeOffset FlaggedAt);

/// <summary>A validated record on its way to storage, with who publishes it and its search text.</summary>
public sealed record Publication(
    ValidRecord Record, string AgencyClientId, string AgencyName, string PersonId, string SearchText, DateTimeOffset PublishedAt)
{
    /// <summary>Tells whether this publication carries the same data as <paramref name="current"/>, so it adds no version.</summary>
    public bool Repeats(StoredVersion current) =>
        current.PersonId == PersonId
        && current.AgencyPersonId == Record.AgencyPersonId
        && current.Category == Record.Category
        && current.AsOf == Record.AsOf
        && current.Items.SequenceEqual(Record.Items);
}

public enum PublishResult
{
    /// <summary>The agency's record key was new: version 1 was stored.</summary>
    Created,

    /// <summary>A new version was stored; the previous ones are kept, and an open flag was closed as corrected.</summary>
    NewVersion,

    /// <summary>The content equals the current version and nothing disputes it, so no version was added.</summary>
    Unchanged,
}

public sealed record PublishOutcome(Guid RecordId, int Version, PublishResult Result, Guid? CorrectedFlagId);

public sealed record FlagOutcome(Guid FlagId, bool Created, DateTimeOffset FlaggedAt);

/// <summary>How a read by someone other than the person is described in its access event.</summary>
public sealed record AccessContext(MynaPlatform.Contracts.Access.Accessor Accessor, string Purpose, DateTimeOffset OccurredAt);

/// <summary>A record's versions about its current person, newest first, as the providing agency reads them back.</summary>
public sealed record RecordHistory(StoredRecord Record, IReadOnlyList<StoredVersion> Versions);
