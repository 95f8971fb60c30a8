using System.Text;

namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// Renders the notice Markdown subset to safe HTML: paragraphs, a line break for every newline,
/// emphasis with <c>*</c>/<c>_</c> and strong emphasis with <c>**</c>/<c>__</c>, flat ordered and
/// unordered lists, and https links. A link is written as <c>&lt;a href="…" rel="noopener noreferrer
/// nofollow"&gt;text&lt;/a&gt; (address)</c>, so the person always sees where it leads, and a bare
/// https address becomes a link showing itself. Raw HTML, images, other schemes and every other
/// Markdown construct stay visible as escaped text.
/// </summary>
/// <remarks>
/// Output elements are limited to p, br, em, strong, ul, ol (with a numeric start), li and a (with
/// href and rel), because <see cref="HtmlWriter"/> can write nothing else. Rendering time is linear
/// in the input length.
/// </remarks>
public static class MarkdownRenderer
{
    /// <summary>Emphasis nested deeper than this stays as literal markers, keeping the HTML tree shallow.</summary>
    public const int MaxEmphasisDepth = 8;

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        var text = PrepareText(markdown);
        var html = new HtmlWriter(text.Length + text.Length / 4);
        foreach (var block in BlockParser.Parse(text))
        {
            switch (block)
            {
                case Paragraph paragraph:
                    html.OpenParagraph();
                    WriteInlines(html, string.Join('\n', paragraph.Lines));
                    html.CloseParagraph();
                    break;
                case ListBlock list:
                    html.OpenList(list.Ordered, list.Start);
                    foreach (var item in list.Items)
                    {
                        html.OpenItem();
                        WriteInlines(html, string.Join('\n', item));
                        html.CloseItem();
                    }

                    html.CloseList(list.Ordered);
                    break;
            }
        }

        return html.ToString();
    }

    /// <summary>
    /// Turns CRLF and CR into LF and replaces NUL and lone surrogates with U+FFFD, so the parsers
    /// see only well-formed text.
    /// </summary>
    internal static string PrepareText(string text)
    {
        var prepared = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '\r')
            {
                prepared.Append('\n');
                if (index + 1 < text.Length && text[index + 1] == '\n')
                {
                    index++;
                }
            }
            else if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                prepared.Append(character).Append(text[index + 1]);
                index++;
            }
            else if (character == '\0' || char.IsSurrogate(character))
            {
                prepared.Append('\uFFFD');
            }
            else
            {
                prepared.Append(character);
            }
        }

        return prepared.ToString();
    }

    private static void WriteInlines(HtmlWriter html, string text)
    {
        var tokens = InlineParser.Parse(text);
        var rendered = new bool[tokens.Count];
        var depth = 0;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            switch (token.Kind)
            {
                case InlineKind.Text:
                    html.Text(token.Text);
                    break;
                case InlineKind.LineBreak:
                    html.LineBreak();
                    break;
                case InlineKind.Link:
                    html.Link(token.Url!.Value, token.Text);
                    break;
                case InlineKind.Delimiter when token.Partner >= 0 && token.IsOpener && depth < MaxEmphasisDepth:
                    html.OpenEmphasis(token.IsStrong);
                    rendered[index] = true;
                    depth++;
                    break;
                case InlineKind.Delimiter when token.Partner >= 0 && !token.IsOpener && rendered[token.Partner]:
                    html.CloseEmphasis(token.IsStrong);
                    depth--;
                    break;
                default:
                    html.Text(token.Text);
                    break;
            }
        }
    }
}
