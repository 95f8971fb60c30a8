using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MynaPlatform.Identity.Accounts;

/// <summary>Checks of a nickname and an e-mail address; each returns the stored form, or null when the value is invalid.</summary>
public static partial class AccountDetailsRules
{
    public const int NicknameMaxLength = 30;

    // RFC 5321 limits a forward path to 256 octets, which leaves 254 for the address itself.
    public const int EmailMaxLength = 254;

    /// <summary>Returns the NFC form when it has 1 to 30 characters (grapheme clusters) and no control or format characters.</summary>
    public static string? NormalizeNickname(string? nickname)
    {
        if (string.IsNullOrWhiteSpace(nickname))
        {
            return null;
        }

        var normalized = nickname.Normalize(NormalizationForm.FormC);
        var length = new StringInfo(normalized).LengthInTextElements;
        var hasControl = normalized.EnumerateRunes().Any(rune =>
            Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        return length <= NicknameMaxLength && !hasControl ? normalized : null;
    }

    /// <summary>Returns the address when it is at most 254 ASCII characters with one <c>@</c> and a dotted domain.</summary>
    public static string? NormalizeEmail(string? email)
    {
        if (email is null || email.Length > EmailMaxLength || !PlausibleEmail().IsMatch(email))
        {
            return null;
        }

        return email;
    }

    // A local part of at most 64 characters (RFC 5321) and domain labels of letters, digits and hyphens.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlausibleEmail();
}
