using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Domain;

/// <summary>
/// The normalised text stored beside a notice for inbox search: title and body through
/// <see cref="SearchText.Normalize"/>, matched with <see cref="LikePattern.Contains"/>. A Markdown
/// body is searched as written, markers included.
/// </summary>
public static class NoticeSearchDocument
{
    public static string Create(ValidNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return SearchText.Normalize($"{notice.Title}\n{notice.Body}");
    }
}
