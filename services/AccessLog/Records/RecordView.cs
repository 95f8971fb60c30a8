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
    /// <summary>Reads the record of an entry whose content is shown; null for a placeholder or unreadable content.</summary>
    public static LogRecord? ReadRecord(ChainEntry entry)
    {
        if (entry.Content is not { } content)
        {
            return null;
        }

        try
        {
            return LogRecord.FromJson(content.Record);
        }
        catch (Exception failure) when (failure is FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Builds the view of an entry from its record, read once with <see cref="ReadRecord"/>.</summary>
    public static RecordView? From(ChainEntry entry, LogRecord record, IReadOnlyDictionary<string, string> agencyNames)
    {
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
                access.AccessorKindName, Party(access.AccessorId), access.DataCategory, access.Purpose,
                JapanTime.From(access.AccessedAt), access.SourceService, access.DataItems, null),
            _ => null,
        };
    }

    /// <summary>Returns the agency ids a record names, for name lookups.</summary>
    public static IEnumerable<string> AgencyIds(LogRecord record) => record switch
    {
        ExchangeRecord exchange => [exchange.RequesterAgencyId, exchange.ProviderAgencyId],
        PlatformAccessRecord { AccessorKind: Contracts.Access.AccessorKind.Agency } access => [access.AccessorId],
        _ => [],
    };
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
