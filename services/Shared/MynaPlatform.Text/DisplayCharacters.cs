namespace MynaPlatform.Text;

/// <summary>
/// Characters that must not appear in text shown to people: control characters (line breaks,
/// escapes, NUL), the line and paragraph separators, and the marks that change the text direction.
/// A direction mark can make a text read differently from what it contains.
/// </summary>
public static class DisplayCharacters
{
    public static bool IsUnsafe(char character) =>
        char.IsControl(character)
        || character is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Returns the index of the first unsafe character or unpaired surrogate, or -1.</summary>
    public static int FindUnsafe(string text) => FindUnsafe(text, allowLineBreaks: false);

    /// <summary>
    /// Returns the index of the first unsafe character or unpaired surrogate, or -1. Tab, line feed
    /// and carriage return pass when <paramref name="allowLineBreaks"/> is set, for multi-line text.
    /// </summary>
    public static int FindUnsafe(string text, bool allowLineBreaks)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (allowLineBreaks && character is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (IsUnsafe(character))
            {
                return index;
            }

            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(character))
            {
                return index;
            }
        }

        return -1;
    }
}
