namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// The key and the Japanese text of an error about a JSON request body as a whole, shared by the
/// platform's exception handler and the services that read a body themselves.
/// </summary>
public static class JsonBodyProblem
{
    /// <summary>The JSON path of the whole body, as System.Text.Json writes it in <see cref="System.Text.Json.JsonException.Path"/>.</summary>
    public const string RootPath = "$";

    public const string Unreadable = "リクエストの JSON を読み取れませんでした。JSON の書式 (括弧、引用符、カンマ) を確認して送り直してください。";

    /// <summary>Returns the error key for a <see cref="System.Text.Json.JsonException"/> path: the member path, or <see cref="RootPath"/>.</summary>
    public static string KeyOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == RootPath ? RootPath : jsonPath.TrimStart('$', '.');
}
