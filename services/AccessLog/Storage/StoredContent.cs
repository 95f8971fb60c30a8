using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Text;

namespace MynaPlatform.AccessLog.Storage;

/// <summary>Conversions between stored text and the chain's values, shared by both adapters.</summary>
internal static class StoredContent
{
    /// <summary>Returns the canonical JSON text that the entry's commitment covers.</summary>
    public static string Write(RevealedContent content) => Encoding.UTF8.GetString(CanonicalJson.Serialize(content.Record));

    /// <summary>
    /// Reads stored content. Text that is no longer a JSON object is served as an empty object,
    /// so the verifier reports the entry instead of the service failing or hiding it.
    /// </summary>
    public static RevealedContent Read(string salt, string content)
    {
        try
        {
            return new RevealedContent(salt, JsonNode.Parse(content) as JsonObject ?? []);
        }
        catch (JsonException)
        {
            return new RevealedContent(salt, []);
        }
    }

    public static DateTimeOffset ReadInstant(string text) =>
        Instants.TryParse(text, out DateTimeOffset instant) ? instant : throw new FormatException($"Stored instant '{text}' is invalid.");

    public static string? WriteDate(DateOnly? date) => date is { } value ? Instants.Format(value) : null;

    public static string TaskSearch(EntryIndex index) => SearchText.Normalize(index.Task);

    public static HeadSignature? Signature(string? signedAt, string? keyId, string? value) =>
        signedAt is null || keyId is null || value is null ? null : new HeadSignature(ReadInstant(signedAt), keyId, value);
}
