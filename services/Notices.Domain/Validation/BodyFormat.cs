namespace MynaPlatform.Notices.Domain.Validation;

public enum BodyFormat
{
    Plain,
    Markdown,
}

public static class BodyFormats
{
    public const string PlainKey = "plain";
    public const string MarkdownKey = "markdown";

    /// <summary>Parses the exact, lower-case API value; a missing value means plain text.</summary>
    public static bool TryParse(string? value, out BodyFormat format)
    {
        format = value switch
        {
            null or PlainKey => BodyFormat.Plain,
            MarkdownKey => BodyFormat.Markdown,
            _ => (BodyFormat)(-1),
        };

        return Enum.IsDefined(format);
    }

    public static string ToKey(this BodyFormat format) => format == BodyFormat.Markdown ? MarkdownKey : PlainKey;
}
