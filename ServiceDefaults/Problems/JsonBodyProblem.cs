using System.Globalization;
using System.Text.Json;

namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// The key and the Japanese text of an error in a JSON request body, shared by the platform's
/// exception handler and the services that read a body themselves.
/// </summary>
public static class JsonBodyProblem
{
    /// <summary>The JSON path of the whole body, as System.Text.Json writes it in <see cref="JsonException.Path"/>.</summary>
    public const string RootPath = "$";

    /// <summary>
    /// Sets <paramref name="options"/> to read request bodies strictly: a member the API does not
    /// define, or a member given twice, is an error, so no field a caller sent is silently dropped.
    /// </summary>
    public static void ReadStrictly(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
    }

    /// <summary>Returns the error key for a <see cref="JsonException"/> path: the member path, or <see cref="RootPath"/>.</summary>
    private static string KeyOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == RootPath ? RootPath : jsonPath.TrimStart('$', '.');

    /// <summary>Returns the key and the Japanese text for a body that System.Text.Json could not read.</summary>
    /// <remarks>
    /// System.Text.Json has no error codes, so the kind of error is read from its exception: a syntax
    /// error carries the reader's exception inside, and an unknown or repeated member has a fixed
    /// English message (checked against System.Text.Json 10).
    /// </remarks>
    public static (string Key, string Detail) Describe(JsonException exception)
    {
        var key = KeyOf(exception.Path);
        if (exception.InnerException is JsonException)
        {
            // The whole body is unreadable, so the key is the root, and the member and position only locate the error.
            var places = new List<string>();
            if (key != RootPath)
            {
                places.Add($"項目 '{key}' の付近");
            }

            if (exception.LineNumber is { } line && exception.BytePositionInLine is { } column)
            {
                places.Add(string.Create(CultureInfo.InvariantCulture, $"{line + 1} 行目、{column + 1} バイト目"));
            }

            var where = places.Count == 0 ? "" : $" ({string.Join("、", places)})";
            return (RootPath, $"リクエストの JSON を読み取れませんでした{where}。JSON の書式 (括弧、引用符、カンマ) を確認して送り直してください。");
        }

        if (key == RootPath)
        {
            return (RootPath, "リクエストの JSON を読み取れませんでした。JSON オブジェクト ({ ... }) を送ってください。");
        }

        if (exception.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (key, $"項目 '{key}' はこの API にありません。項目名の綴りを確認し、定義されていない項目を含めずに送ってください。");
        }

        if (exception.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (key, $"項目 '{key}' が 2 回以上指定されています。1 回だけ指定してください。");
        }

        return (key, $"項目 '{key}' の値の型か書式が違います。値の型 (文字列は \"...\"、数値、真偽値、配列) と書式を確認して送り直してください。");
    }
}
