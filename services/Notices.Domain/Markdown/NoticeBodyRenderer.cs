using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>Renders a notice body to safe HTML according to its format.</summary>
public static class NoticeBodyRenderer
{
    public static string ToHtml(string body, BodyFormat format) => format switch
    {
        BodyFormat.Markdown => MarkdownRenderer.ToHtml(body),
        _ => PlainTextRenderer.ToHtml(body),
    };
}
