using System.Globalization;
using System.Text;

namespace MynaPlatform.Text;

/// <summary>
/// Normalises Japanese text for search, so that a query matches whatever forms the stored text uses.
/// NFKC turns full-width Latin letters and digits and half-width katakana into their usual forms
/// (２０２６ → 2026, ﾈﾝｷﾝ → ネンキン). Katakana is then folded to hiragana (ネンキン → ねんきん), Latin
/// letters are lower-cased, and each run of white space becomes one space.
/// </summary>
public static class SearchText
{
    private const char FirstFoldedKatakana = '\u30A1'; // ァ
    private const char LastFoldedKatakana = '\u30F6';  // ヶ
    private const int KatakanaToHiragana = 0x60;

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var composed = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var character in composed)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(Fold(character));
        }

        return result.ToString();
    }

    private static char Fold(char character) => character switch
    {
        >= FirstFoldedKatakana and <= LastFoldedKatakana => (char)(character - KatakanaToHiragana),
        '\u30FD' => '\u309D', // ヽ → ゝ
        '\u30FE' => '\u309E', // ヾ → ゞ
        _ => char.ToLower(character, CultureInfo.InvariantCulture),
    };
}
