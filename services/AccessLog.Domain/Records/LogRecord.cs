using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>
/// The content of one access-log entry. Its canonical JSON form is what the entry's commitment
/// covers, so every member that the person sees must be in <see cref="ToJson"/>.
/// </summary>
public abstract record LogRecord
{
    /// <summary>Version of the content format, written as the <c>version</c> member.</summary>
    public const int FormatVersion = 1;

    /// <summary>Value of the <c>kind</c> member, which identifies the record type.</summary>
    public abstract string Kind { get; }

    /// <summary>Japan date from which the person may see the record; null when it is never withheld.</summary>
    public virtual DateOnly? WithheldUntil => null;

    /// <summary>Builds the record's JSON object, with the <c>kind</c> and <c>version</c> members.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["kind"] = Kind, ["version"] = FormatVersion };
        foreach (var (name, value) in Members())
        {
            json[name] = value;
        }

        return json;
    }

    public byte[] ToCanonicalBytes() => CanonicalJson.Serialize(ToJson());

    /// <summary>Reads a record from its JSON object, as stored or as served by the access-log API.</summary>
    /// <exception cref="FormatException">The object is not a version 1 record of a known kind.</exception>
    public static LogRecord FromJson(JsonObject json)
    {
        var reader = new JsonMemberReader(json, "Record");
        var version = reader.Integer("version");
        if (version != FormatVersion)
        {
            throw new FormatException($"Record version {version} is not supported. This code reads version {FormatVersion}.");
        }

        return reader.Text("kind") switch
        {
            ExchangeRecord.KindName => ExchangeRecord.Read(reader),
            PlatformAccessRecord.KindName => PlatformAccessRecord.Read(reader),
            var kind => throw new FormatException($"Record kind '{kind}' is unknown."),
        };
    }

    protected abstract IEnumerable<KeyValuePair<string, JsonNode>> Members();

    protected static JsonArray ToArray(IEnumerable<string> items) => new(items.Select(item => (JsonNode)item).ToArray());

    protected static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is missing.", name) : value;

    protected static IReadOnlyList<string> Items(IEnumerable<string>? items, string name, bool allowEmpty)
    {
        var list = (items ?? throw new ArgumentNullException(name)).ToList();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{name} contains an empty item.", name);
        }

        if (!allowEmpty && list.Count == 0)
        {
            throw new ArgumentException($"{name} needs at least one item.", name);
        }

        return list.AsReadOnly();
    }
}
