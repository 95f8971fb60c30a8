using System.Text.Json.Nodes;
using MynaPlatform.Contracts.Access;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>
/// A read of the person's data by someone other than the person through one of the platform's own
/// services, made from a <see cref="PersonDataAccessed"/> event. The event's access id and
/// correlation id stay out of the content because they identify the delivery, not the access.
/// </summary>
public sealed record PlatformAccessRecord : LogRecord
{
    public const string KindName = "platform-access";

    // Written into hashed content, so these names never change even if the enum members are renamed.
    private static readonly Dictionary<AccessorKind, string> KindNames = new()
    {
        [AccessorKind.Agency] = "agency",
        [AccessorKind.Operator] = "operator",
        [AccessorKind.ExternalSite] = "external-site",
        [AccessorKind.Proxy] = "proxy",
    };

    public PlatformAccessRecord(
        AccessorKind accessorKind,
        string accessorId,
        string dataCategory,
        IEnumerable<string> dataItems,
        string purpose,
        DateTimeOffset accessedAt,
        string sourceService)
    {
        AccessorKind = KindNames.ContainsKey(accessorKind)
            ? accessorKind
            : throw new ArgumentOutOfRangeException(nameof(accessorKind), accessorKind, "The accessor kind is not defined.");
        AccessorId = Required(accessorId, nameof(accessorId));
        DataCategory = Required(dataCategory, nameof(dataCategory));
        DataItems = Items(dataItems, nameof(dataItems), allowEmpty: true);
        Purpose = Required(purpose, nameof(purpose));
        AccessedAt = Instants.Truncate(accessedAt);
        SourceService = Required(sourceService, nameof(sourceService));
    }

    public override string Kind => KindName;

    public AccessorKind AccessorKind { get; }

    /// <summary>The accessor kind as the content names it, such as <c>agency</c>.</summary>
    public string AccessorKindName => KindNames[AccessorKind];

    public string AccessorId { get; }

    public string DataCategory { get; }

    /// <summary>Data items read, by name; empty when the whole category was read.</summary>
    public IReadOnlyList<string> DataItems { get; }

    public string Purpose { get; }

    public DateTimeOffset AccessedAt { get; }

    public string SourceService { get; }

    public static PlatformAccessRecord FromEvent(PersonDataAccessed accessed)
    {
        ArgumentNullException.ThrowIfNull(accessed);

        return new PlatformAccessRecord(
            accessed.Accessor.Kind,
            accessed.Accessor.Id,
            accessed.DataCategory,
            accessed.DataItems,
            accessed.Purpose,
            accessed.OccurredAt,
            accessed.SourceService);
    }

    internal static PlatformAccessRecord Read(JsonMemberReader reader)
    {
        var kindName = reader.Text("accessorKind");
        var kind = KindNames.FirstOrDefault(pair => pair.Value == kindName);
        if (kind.Value is null)
        {
            throw new FormatException($"Record member 'accessorKind' has the unknown value '{kindName}'.");
        }

        return new PlatformAccessRecord(
            kind.Key,
            reader.Text("accessorId"),
            reader.Text("dataCategory"),
            reader.Texts("dataItems"),
            reader.Text("purpose"),
            reader.Instant("accessedAt"),
            reader.Text("sourceService"));
    }

    protected override IEnumerable<KeyValuePair<string, JsonNode>> Members()
    {
        yield return new("accessorKind", AccessorKindName);
        yield return new("accessorId", AccessorId);
        yield return new("dataCategory", DataCategory);
        yield return new("dataItems", ToArray(DataItems));
        yield return new("purpose", Purpose);
        yield return new("accessedAt", Instants.Format(AccessedAt));
        yield return new("sourceService", SourceService);
    }
}
