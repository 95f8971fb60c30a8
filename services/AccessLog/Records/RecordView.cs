using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;

namespace MynaPlatform.AccessLog.Records;

/// <summary>A party named in a record: its registered id and, when identity has it, its name.</summary>
public sealed record PartyView(string Id, string? Name);

/// <summary>
/// One record as it is shown to the person. Times are in Japan time (+09:00). An exchange fills the
/// requester, provider, request and provision times and the task; a platform access fills the
/// accessor, category, purpose, access time and source service.
/// </summary>
public sealed record RecordView(
    long Sequence,
    string Kind,
    DateTimeOffset RecordedAt,
    PartyView? Requester,
    PartyView? Provider,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? ProvidedAt,
    string? AdministrativeTask,
    string? AccessorKind,
    PartyView? Accessor,
    string? DataCategory,
    string? Purpose,
    DateTimeOffset? AccessedAt,
    string? SourceService,
    IReadOnlyList<string> DataItems,
    DateOnly? WithheldUntil)
{
    /// <summary>Builds the view of an entry whose content is shown; null for a placeholder or unreadable content.</summary>
    public static RecordView? From(ChainEntry entry, IReadOnlyDictionary<string, string> agencyNames)
    {
        if (entry.Content is not { } content || !TryRead(content, out var record))
        {
            return null;
        }

        PartyView Party(string id) => new(id, agencyNames.GetValueOrDefault(id));
        var recordedAt = JapanTime.From(entry.RecordedAt);
        return record switch
        {
            ExchangeRecord exchange => new RecordView(
                entry.Sequence, exchange.Kind, recordedAt, Party(exchange.RequesterAgencyId), Party(exchange.ProviderAgencyId),
                JapanTime.From(exchange.RequestedAt), JapanTime.From(exchange.ProvidedAt), exchange.AdministrativeTask,
                null, null, null, null, null, null, exchange.DataItems, exchange.WithheldUntil),
            PlatformAccessRecord access => new RecordView(
                entry.Sequence, access.Kind, recordedAt, null, null, null, null, null,
                AccessorKindName(access), Party(access.AccessorId), access.DataCategory, access.Purpose,
                JapanTime.From(access.AccessedAt), access.SourceService, access.DataItems, null),
            _ => null,
        };
    }

    /// <summary>Returns the agency ids an entry's content names, for name lookups.</summary>
    public static IEnumerable<string> AgencyIds(ChainEntry entry)
    {
        if (entry.Content is not { } content || !TryRead(content, out var record))
        {
            return [];
        }

        return record switch
        {
            ExchangeRecord exchange => [exchange.RequesterAgencyId, exchange.ProviderAgencyId],
            PlatformAccessRecord { AccessorKind: Contracts.Access.AccessorKind.Agency } access => [access.AccessorId],
            _ => [],
        };
    }

    private static string AccessorKindName(PlatformAccessRecord access) =>
        access.ToJson()["accessorKind"]!.GetValue<string>();

    private static bool TryRead(RevealedContent content, out LogRecord record)
    {
        try
        {
            record = LogRecord.FromJson(content.Record);
            return true;
        }
        catch (Exception failure) when (failure is FormatException or ArgumentException or InvalidOperationException)
        {
            record = null!;
            return false;
        }
    }
}

/// <summary>Japan Standard Time (UTC+9, no daylight saving time), independent of the server's time zone.</summary>
public static class JapanTime
{
    public static DateTimeOffset From(DateTimeOffset instant) => instant.ToOffset(Instants.JapanOffset);

    public static DateOnly Today(TimeProvider clock) => Instants.JapanDate(clock.GetUtcNow());

    /// <summary>Returns the instant at which <paramref name="date"/> begins in Japan.</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Instants.JapanOffset).ToUniversalTime();
}
