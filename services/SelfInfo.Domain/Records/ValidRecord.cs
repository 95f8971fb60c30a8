using MynaPlatform.SelfInfo.Domain.Categories;

namespace MynaPlatform.SelfInfo.Domain.Records;

/// <summary>
/// A record that passed <see cref="RecordValidator"/>. <see cref="RecordKey"/> is the agency's own
/// key, which identifies the versions of one record; <see cref="AsOf"/> is the date the agency's
/// data is current at (a Japan calendar date).
/// </summary>
public sealed record ValidRecord(
    string RecordKey,
    string AgencyPersonId,
    SelfInfoCategory Category,
    DateOnly AsOf,
    IReadOnlyList<RecordItem> Items);
