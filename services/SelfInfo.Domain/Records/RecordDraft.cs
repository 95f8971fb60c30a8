namespace MynaPlatform.SelfInfo.Domain.Records;

/// <summary>A record as an agency sent it, before validation; every member may be missing or wrong.</summary>
public sealed record RecordDraft(
    string? RecordKey,
    string? AgencyPersonId,
    string? CategoryGroup,
    string? CategoryName,
    string? AsOf,
    IReadOnlyList<RecordItemDraft?>? Items);

public sealed record RecordItemDraft(string? Label, string? Value, string? Unit);
