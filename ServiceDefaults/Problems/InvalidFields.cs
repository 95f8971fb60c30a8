namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// The title, detail and <c>errors</c> map of a 400 that lists every invalid field of a request:
/// the title and detail name the first field, and <c>errors</c> contains each field's fixes.
/// </summary>
public sealed record InvalidFields(string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Returns the problem texts for <paramref name="errors"/>, which must list at least one field.</summary>
    public static InvalidFields From(IReadOnlyList<(string Field, string Fix)> errors)
    {
        var (field, fix) = errors[0];
        var title = errors.Count == 1 ? $"{field} が正しくありません。" : $"入力内容に誤りがあります ({errors.Count} 項目)。";
        var byField = errors.GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Fix).ToArray(), StringComparer.Ordinal);
        return new InvalidFields(title, $"{field}: {fix}", byField);
    }
}
