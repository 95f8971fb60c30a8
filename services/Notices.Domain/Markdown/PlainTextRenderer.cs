namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// Renders a plain-text body as HTML: blank lines separate paragraphs, every other newline is a
/// line break, and all text is escaped. Addresses are not turned into links.
/// </summary>
public static class PlainTextRenderer
{
    public static string ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var prepared = MarkdownRenderer.PrepareText(text);
        var html = new HtmlWriter(prepared.Length + prepared.Length / 4);
        var lines = new List<string>();
        foreach (var line in prepared.Split('\n').Append(""))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(line.TrimEnd());
                continue;
            }

            if (lines.Count == 0)
            {
                continue;
            }

            html.OpenParagraph();
            for (var index = 0; index < lines.Count; index++)
            {
                if (index > 0)
                {
                    html.LineBreak();
                }

                html.Text(lines[index]);
            }

            html.CloseParagraph();
            lines.Clear();
        }

        return html.ToString();
    }
}
