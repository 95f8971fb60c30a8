using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// The key and the Japanese text of an error in a JSON request body, shared by the platform's
/// exception handler and the services that read a body themselves.
/// </summary>
public static partial class JsonBodyProblem
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

        return ExpectedFormOf(exception) is { } expected
            ? (key, $"項目 '{key}' の値の型か書式が違います。{expected}で指定してください。")
            : (key, $"項目 '{key}' の値の型か書式が違います。値の型 (文字列は \"...\"、数値、真偽値、配列、オブジェクト) と書式を確認して送り直してください。");
    }

    /// <summary>
    /// Returns the JSON form the member expects, read from System.Text.Json's messages, or null when
    /// they do not name one. The inner exception names the value's kind or .NET type ("as a string",
    /// "supported Guid format"). The outer message names the member's type only for a member that is
    /// not a constructor parameter, and otherwise the type being built.
    /// </summary>
    private static string? ExpectedFormOf(JsonException exception)
    {
        var inner = exception.InnerException?.Message ?? "";
        if (TokenKindPattern().Match(inner) is { Success: true } kind)
        {
            return kind.Groups["kind"].Value switch
            {
                "string" => FormOf("System.String"),
                "boolean" => FormOf("System.Boolean"),
                _ => FormOf("System.Decimal"),
            };
        }

        if (FormatTypePattern().Match(inner) is { Success: true } format)
        {
            return FormOf("System." + format.Groups["type"].Value);
        }

        return ConvertedTypePattern().Match(exception.Message) is { Success: true } converted
            ? FormOf(converted.Groups["type"].Value)
            : null;
    }

    private static string? FormOf(string type)
    {
        if (NullableInnerPattern().Match(type) is { Success: true } nullable)
        {
            type = nullable.Groups["inner"].Value;
        }

        return type switch
        {
            "System.String" => "文字列 (\"...\")",
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" or "System.UInt16" or "System.UInt32" or "System.UInt64"
                => "範囲内の整数",
            "System.Decimal" or "System.Double" or "System.Single" => "数値",
            "System.Boolean" => "真偽値 (true または false)",
            "System.DateTimeOffset" or "System.DateTime" => "時差付きの日時の文字列 (例: \"2026-04-01T09:00:00+09:00\")",
            "System.DateOnly" => "日付の文字列 (例: \"2026-04-01\")",
            "System.Guid" => "UUID の文字列",
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`1", StringComparison.Ordinal)
                || type.Contains("Enumerable`1", StringComparison.Ordinal) => "配列 ([ ... ])",
            _ when type.Contains("Dictionary`2", StringComparison.Ordinal) => "JSON オブジェクト ({ ... })",

            // The platform's own request types are records and classes, which JSON gives as objects.
            _ when type.StartsWith("MynaPlatform.", StringComparison.Ordinal) && !type.Contains('`') => "JSON オブジェクト ({ ... })",
            _ => null,
        };
    }

    [GeneratedRegex(@"as an? (?<kind>string|boolean|number)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenKindPattern();

    [GeneratedRegex(@"(?:supported|for an?) (?<type>U?Int(?:16|32|64)|Byte|Decimal|Double|Single|DateTimeOffset|DateTime|DateOnly|Guid)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FormatTypePattern();

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\. ", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTypePattern();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NullableInnerPattern();
}
