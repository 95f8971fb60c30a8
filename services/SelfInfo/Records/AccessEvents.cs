using MynaPlatform.Contracts.Access;
using MynaPlatform.Hosting;
using MynaPlatform.SelfInfo.Domain.Access;

namespace MynaPlatform.SelfInfo.Records;

/// <summary>Builds the access event of one read by someone other than the person.</summary>
public static class AccessEvents
{
    /// <summary>Returns null when nothing was read, because a read without records shows no data.</summary>
    public static PersonDataAccessed? ForRead(string personId, IReadOnlyCollection<StoredRecord> records, AccessContext access)
    {
        var visible = records.Where(record => !record.IsUnderReview).ToList();
        if (visible.Count == 0)
        {
            return null;
        }

        return ForVersions(personId, visible.Select(record => record.Current).ToList(), access);
    }

    public static PersonDataAccessed ForVersions(string personId, IReadOnlyCollection<StoredVersion> versions, AccessContext access)
    {
        var description = AccessDescription.Of(versions.Select(version => (version.Category, version.Items.AsEnumerable())));
        return new PersonDataAccessed(
            Guid.CreateVersion7(),
            personId,
            access.Accessor,
            description.DataCategory,
            description.DataItems,
            access.Purpose,
            access.OccurredAt,
            CorrelationId.Current ?? "",
            ResourceNames.SelfInfo);
    }
}
