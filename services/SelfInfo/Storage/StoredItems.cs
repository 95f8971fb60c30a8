using System.Text.Json;
using MynaPlatform.SelfInfo.Domain.Records;

namespace MynaPlatform.SelfInfo.Storage;

/// <summary>A version's items as one JSON array, the form both adapters store.</summary>
internal static class StoredItems
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string ToJson(IReadOnlyList<RecordItem> items) => JsonSerializer.Serialize(items, Options);

    public static IReadOnlyList<RecordItem> FromJson(string json) =>
        JsonSerializer.Deserialize<List<RecordItem>>(json, Options)
        ?? throw new InvalidDataException("A stored record version has no items.");
}
