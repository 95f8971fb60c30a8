using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>
/// An exchange of the person's information between two agencies over the information provision
/// network (情報提供ネットワークシステム): the requesting agency (情報照会者), the providing agency
/// (情報提供者), when the request was made and when the data was provided, the administrative task
/// (事務) and the data items (特定個人情報名). Agencies are named by their registered agency id.
/// </summary>
public sealed record ExchangeRecord : LogRecord
{
    public const string KindName = "exchange";

    public ExchangeRecord(
        string requesterAgencyId,
        string providerAgencyId,
        DateTimeOffset requestedAt,
        DateTimeOffset providedAt,
        string administrativeTask,
        IEnumerable<string> dataItems,
        DateOnly? withheldUntil = null)
    {
        RequesterAgencyId = Required(requesterAgencyId, nameof(requesterAgencyId));
        ProviderAgencyId = Required(providerAgencyId, nameof(providerAgencyId));
        RequestedAt = Instants.Truncate(requestedAt);
        ProvidedAt = Instants.Truncate(providedAt);
        AdministrativeTask = Required(administrativeTask, nameof(administrativeTask));
        DataItems = Items(dataItems, nameof(dataItems), allowEmpty: false);
        WithheldUntil = withheldUntil;
    }

    public override string Kind => KindName;

    public string RequesterAgencyId { get; }

    public string ProviderAgencyId { get; }

    public DateTimeOffset RequestedAt { get; }

    public DateTimeOffset ProvidedAt { get; }

    /// <summary>Administrative task (事務) by name.</summary>
    public string AdministrativeTask { get; }

    /// <summary>Data items (特定個人情報名) by name, in the order the agency gave them.</summary>
    public IReadOnlyList<string> DataItems { get; }

    /// <summary>Japan date from which the person may see the record (不開示 until then).</summary>
    public override DateOnly? WithheldUntil { get; }

    internal static ExchangeRecord Read(JsonMemberReader reader) => new(
        reader.Text("requesterAgencyId"),
        reader.Text("providerAgencyId"),
        reader.Instant("requestedAt"),
        reader.Instant("providedAt"),
        reader.Text("administrativeTask"),
        reader.Texts("dataItems"),
        reader.OptionalDate("withheldUntil"));

    protected override IEnumerable<KeyValuePair<string, JsonNode>> Members()
    {
        yield return new("requesterAgencyId", RequesterAgencyId);
        yield return new("providerAgencyId", ProviderAgencyId);
        yield return new("requestedAt", Instants.Format(RequestedAt));
        yield return new("providedAt", Instants.Format(ProvidedAt));
        yield return new("administrativeTask", AdministrativeTask);
        yield return new("dataItems", ToArray(DataItems));
        if (WithheldUntil is { } date)
        {
            yield return new("withheldUntil", Instants.Format(date));
        }
    }
}
