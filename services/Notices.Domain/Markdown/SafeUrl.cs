using System.Diagnostics.CodeAnalysis;

namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// An absolute https address that may be written into an href: printable ASCII from the URI
/// character set only (no white space, quotes, angle brackets or square brackets), a host, and no
/// user information, which would let <c>https://city.example@other.example</c> hide the real host.
/// </summary>
internal readonly record struct SafeUrl(string Value)
{
    public const int MaxLength = 2048;

    private const string Prefix = "https://";

    public static bool IsUrlCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || "-._~:/?#@!$&'()*+,;=%".Contains(character);

    public static bool StartsAt(string text, int index) =>
        string.Compare(text, index, Prefix, 0, Prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    public static bool TryCreate(string candidate, [NotNullWhen(true)] out SafeUrl? url)
    {
        url = null;
        if (candidate.Length > MaxLength || !candidate.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !candidate.All(IsUrlCharacter))
        {
            return false;
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.Host.Length == 0 || uri.UserInfo.Length != 0)
        {
            return false;
        }

        url = new SafeUrl(candidate);
        return true;
    }
}
