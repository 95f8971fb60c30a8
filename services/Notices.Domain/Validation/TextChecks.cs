using System.Globalization;
using System.Text;

namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>Character-level checks shared by the notice fields.</summary>
internal static class TextChecks
{
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
