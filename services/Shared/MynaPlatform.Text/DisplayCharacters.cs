namespace MynaPlatform.Text;

/// <summary>
/// Characters that must not appear in a name shown to people: control characters (line breaks,
/// escapes, NUL) and the marks that change the direction of the text around them, which can make
/// a name read differently from what it contains.
/// </summary>
public static class DisplayCharacters
{
    public static bool IsUnsafe(char character) =>
        char.IsControl(character)
        || character is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Returns the index of the first unsafe character or unpaired surrogate, or -1.</summary>
    public static int FindUnsafe(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
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
