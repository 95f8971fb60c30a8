using System.Globalization;
using System.Text;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>Character-level checks shared by the notice fields.</summary>
internal static class TextChecks
{
    /// <summary>
    /// Returns the index of the first UTF-16 code unit that is not an allowed character, or -1. Lone
    /// surrogates and <see cref="DisplayCharacters"/>' unsafe characters (controls, line separators,
    /// direction marks) are not allowed. Tab, line feed and carriage return are allowed only when
    /// <paramref name="allowLineBreaks"/> is set.
    /// </summary>
    public static int IndexOfInvalidCharacter(string text, bool allowLineBreaks)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (char.IsSurrogate(character))
            {
                return index;
            }

            if (character is '\t' or '\n' or '\r')
            {
                if (!allowLineBreaks)
                {
                    return index;
                }

                continue;
            }

            if (DisplayCharacters.IsUnsafe(character))
            {
                return index;
            }
        }

        return -1;
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Describes the character at <paramref name="index"/> as U+XXXX for an error message.</summary>
    public static string CodePointAt(string text, int index) => $"U+{(int)text[index]:X4}";

    public static int CountTextElements(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>NFC form of text that has no lone surrogates (checked first, as normalisation throws on them).</summary>
    public static string ToNfc(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Quotes a caller's value in an error message, shortened so a long value cannot flood it.</summary>
    public static string Quote(string value)
    {
        const int MaxShown = 32;
        if (value.Length <= MaxShown)
        {
            return $"「{value}」";
        }

        var cut = char.IsHighSurrogate(value[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        var shown = string.Concat(value.AsSpan(0, cut), "…");
        return $"「{shown}」";
    }
}
