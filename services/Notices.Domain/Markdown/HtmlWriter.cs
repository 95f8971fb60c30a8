using System.Globalization;
using System.Text;

namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// The only way rendered HTML is produced. It has one method per allowed element (p, br, em, strong,
/// ul, ol with a numeric start, li, and a with an https href), and every text and attribute value
/// passes through <see cref="AppendEscaped"/>, so nothing else can appear in the output.
/// </summary>
internal sealed class HtmlWriter
{
    public const string LinkRel = "noopener noreferrer nofollow";

    private readonly StringBuilder html;

    public HtmlWriter(int capacity) => html = new StringBuilder(capacity);

    public void OpenParagraph() => html.Append("<p>");

    public void CloseParagraph() => html.Append("</p>\n");

    public void LineBreak() => html.Append("<br>\n");

    public void OpenEmphasis(bool strong) => html.Append(strong ? "<strong>" : "<em>");

    public void CloseEmphasis(bool strong) => html.Append(strong ? "</strong>" : "</em>");

    public void OpenList(bool ordered, int start)
    {
        if (!ordered)
        {
            html.Append("<ul>\n");
        }
        else if (start == 1)
        {
            html.Append("<ol>\n");
        }
        else
        {
            html.Append("<ol start=\"").Append(start.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        }
    }

    public void CloseList(bool ordered) => html.Append(ordered ? "</ol>\n" : "</ul>\n");

    public void OpenItem() => html.Append("<li>");

    public void CloseItem() => html.Append("</li>\n");

    /// <summary>Writes a link whose address was checked by <see cref="SafeUrl"/>, followed by the address itself.</summary>
    public void Link(SafeUrl url, string text)
    {
        html.Append("<a href=\"");
        AppendEscaped(url.Value);
        html.Append("\" rel=\"").Append(LinkRel).Append("\">");
        AppendEscaped(text.Length == 0 ? url.Value : text);
        html.Append("</a>");

        if (text.Length != 0 && !string.Equals(text, url.Value, StringComparison.Ordinal))
        {
            html.Append(" (");
            AppendEscaped(url.Value);
            html.Append(')');
        }
    }

    public void Text(string text) => AppendEscaped(text);

    public override string ToString() => html.ToString();

    private void AppendEscaped(string text)
    {
        foreach (var character in text)
        {
            switch (character)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(character); break;
            }
        }
    }
}
