namespace MynaPlatform.Notices.Domain.Markdown;

internal enum InlineKind
{
    Text,
    Delimiter,
    Link,
    LineBreak,
}

/// <summary>
/// One piece of a paragraph or list item. A delimiter is a run of one or two <c>*</c> or <c>_</c>;
/// it renders as a tag only when <see cref="Partner"/> points at its matching delimiter.
/// </summary>
internal sealed class InlineToken
{
    public required InlineKind Kind { get; init; }

    /// <summary>Literal text, the delimiter characters, or the link text.</summary>
    public required string Text { get; init; }

    public SafeUrl? Url { get; init; }

    public bool CanOpen { get; init; }

    public bool CanClose { get; init; }

    public int Partner { get; set; } = -1;

    public bool IsOpener { get; set; }

    public bool IsStrong => Text.Length == 2;

    /// <summary>Which of the four delimiter stacks (*, **, _, __) this run belongs to.</summary>
    public int DelimiterKind => (Text[0] == '*' ? 0 : 2) + Text.Length - 1;
}
