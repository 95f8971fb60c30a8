namespace MynaPlatform.Portal.AccessLog;

/// <summary>A party a record names: its registered id and, when identity has it, its name.</summary>
public sealed record LogParty(string Id, string? Name)
{
    public string DisplayName => Name ?? Id;
}

/// <summary>
/// One record of やりとり履歴 as the access-log service returns it. An exchange (<c>exchange</c>)
/// names both agencies, the request and provision times and the task; a read through the platform
/// (<c>platform-access</c>) names who read which category, why and when.
/// </summary>
public sealed record LogRecord(
    long Sequence,
    string Kind,
    DateTimeOffset RecordedAt,
    LogParty? Requester,
    LogParty? Provider,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? ProvidedAt,
    string? AdministrativeTask,
    string? AccessorKind,
    LogParty? Accessor,
    string? DataCategory,
    string? Purpose,
    DateTimeOffset? AccessedAt,
    string? SourceService,
    IReadOnlyList<string> DataItems,
    DateOnly? WithheldUntil)
{
    public bool IsExchange => Kind == "exchange";

    /// <summary>The agencies the record names, which the agency filter can select.</summary>
    public IEnumerable<LogParty> Agencies =>
        IsExchange ? new[] { Requester, Provider }.OfType<LogParty>()
        : AccessorKind == "agency" && Accessor is { } accessor ? [accessor]
        : [];
}

/// <summary>One page of the person's records, newest first, and how many match in all.</summary>
public sealed record LogRecordPage(IReadOnlyList<LogRecord> Items, int Page, int PageSize, long Total)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
