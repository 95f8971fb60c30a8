using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>
/// The canonical JSON form (version 1) that record commitments and signatures are computed over:
/// UTF-8, no whitespace, object members sorted by name, only <c>"</c>, <c>\</c> and control
/// characters escaped (as <c>\u00xx</c>), integers only, and no <c>null</c> (an absent value is an
/// absent member). docs/access-log-verification.md specifies it for independent verifiers.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Largest integer magnitude that every JSON implementation reads exactly (2^53 − 1).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Serialises <paramref name="value"/> to canonical UTF-8 bytes.</summary>
    /// <exception cref="CanonicalFormException">The value contains something the form cannot represent.</exception>
    public static byte[] Serialize(JsonNode value)
    {
        var builder = new StringBuilder();
        Write(builder, value, "$");

        try
        {
            return StrictUtf8.GetBytes(builder.ToString());
        }
        catch (EncoderFallbackException)
        {
            throw new CanonicalFormException("A string contains an unpaired surrogate, which UTF-8 cannot encode.");
        }
    }

    private static void Write(StringBuilder builder, JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                throw new CanonicalFormException($"{path} is null. Omit the member instead.");
            case JsonObject obj:
                WriteObject(builder, obj, path);
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(builder, array[i], $"{path}[{i}]");
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value, path);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, string path)
    {
        builder.Append('{');
        var first = true;
        foreach (var (name, member) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
            {
                throw new CanonicalFormException($"Member name '{name}' at {path} is invalid. Names are ASCII letters and digits.");
            }

            builder.Append(first ? "" : ",");
            WriteString(builder, name);
            builder.Append(':');
            Write(builder, member, $"{path}.{name}");
            first = false;
        }

        builder.Append('}');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, ReadString(value, path));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number when TryGetInteger(value, out var integer):
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number:
                throw new CanonicalFormException($"{path} is not an integer within ±(2^53 − 1).");
            default:
                throw new CanonicalFormException($"{path} is null. Omit the member instead.");
        }
    }

    /// <summary>Reads an integer within ±(2^53 − 1) written without fraction or exponent, whatever the node's backing type.</summary>
    public static bool TryGetInteger(JsonValue value, out long integer)
    {
        integer = 0;
        return value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer)
            && Math.Abs(integer) <= MaxSafeInteger;
    }

    private static string ReadString(JsonValue value, string path)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json raises this for a parsed string with an unpaired surrogate escape.
            throw new CanonicalFormException($"{path} contains an unpaired surrogate, which UTF-8 cannot encode.");
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var character in text)
        {
            if (character is '"' or '\\')
            {
                builder.Append('\\').Append(character);
            }
            else if (character < 0x20)
            {
                builder.Append("\\u00").Append(((int)character).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        builder.Append('"');
    }
}

/// <summary>Raised when a value cannot be written in the canonical JSON form.</summary>
public sealed class CanonicalFormException(string message) : Exception(message);
