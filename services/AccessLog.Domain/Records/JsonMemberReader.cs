using System.Text.Json;
using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>Reads typed members of a JSON object and raises <see cref="FormatException"/> naming the object and the member.</summary>
internal sealed class JsonMemberReader(JsonObject json, string subject)
{
    public string Text(string name) =>
        OptionalText(name) ?? throw new FormatException($"{subject} member '{name}' is missing.");

    public string? OptionalText(string name) => json[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new FormatException($"{subject} member '{name}' is not a string."),
    };

    public long Integer(string name) => OptionalInteger(name)
        ?? throw new FormatException($"{subject} member '{name}' is missing or not an integer.");

    public long? OptionalInteger(string name) => json[name] switch
    {
        null => null,
        JsonValue value when CanonicalJson.TryGetInteger(value, out var integer) => integer,
        _ => throw new FormatException($"{subject} member '{name}' is not an integer."),
    };

    public JsonObject? OptionalObject(string name) => json[name] switch
    {
        null => null,
        JsonObject obj => obj,
        _ => throw new FormatException($"{subject} member '{name}' is not an object."),
    };

    public JsonArray Array(string name) => json[name] as JsonArray
        ?? throw new FormatException($"{subject} member '{name}' is missing or not an array.");

    public string Hex(string name, int byteCount)
    {
        var text = Text(name);
        return Chain.ChainHashing.IsHex(text, byteCount)
            ? text
            : throw new FormatException($"{subject} member '{name}' must be {byteCount * 2} lowercase hexadecimal digits.");
    }

    public DateTimeOffset Instant(string name) => Instants.TryParse(Text(name), out DateTimeOffset instant)
        ? instant
        : throw new FormatException($"{subject} member '{name}' is not an instant like 2025-04-01T09:30:00.000Z.");

    public DateOnly? OptionalDate(string name)
    {
        var text = OptionalText(name);
        if (text is null)
        {
            return null;
        }

        return Instants.TryParse(text, out DateOnly date)
            ? date
            : throw new FormatException($"{subject} member '{name}' is not a date like 2025-04-01.");
    }

    public IReadOnlyList<string> Texts(string name)
    {
        return Array(name).Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw new FormatException($"{subject} member '{name}' contains an item that is not a string."))
            .ToList();
    }
}
