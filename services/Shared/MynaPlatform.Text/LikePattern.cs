using System.Text;

namespace MynaPlatform.Text;

/// <summary>
/// Builds SQL <c>LIKE</c> patterns from user queries. Use the pattern with
/// <c>LIKE $pattern ESCAPE '\'</c> so that <c>%</c>, <c>_</c> and <c>\</c> in a query match themselves.
/// </summary>
public static class LikePattern
{
    public const char EscapeCharacter = '\\';

    /// <summary>Returns a pattern matching text that contains the normalised form of <paramref name="query"/>.</summary>
    public static string Contains(string query)
    {
        var normalized = SearchText.Normalize(query);
        var pattern = new StringBuilder(normalized.Length + 2).Append('%');
        foreach (var character in normalized)
        {
            if (character is '%' or '_' or EscapeCharacter)
            {
                pattern.Append(EscapeCharacter);
            }

            pattern.Append(character);
        }

        return pattern.Append('%').ToString();
    }
}
