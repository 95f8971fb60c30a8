namespace MynaPlatform.Hosting;

/// <summary>
/// Language of the command-line tools' text. Japanese is the default, and English is used when the
/// locale (LC_ALL, else LC_MESSAGES, else LANG) names a language other than Japanese.
/// </summary>
public static class ConsoleLanguage
{
    /// <summary>Returns true unless the first locale variable that is set names another language.</summary>
    public static bool IsJapanese(Func<string, string?> getVariable)
    {
        var locale = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }
            .Select(getVariable)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));

        // C and POSIX mean that no language was chosen.
        return locale is null or "C" or "POSIX"
            || locale.StartsWith("C.", StringComparison.Ordinal)
            || locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase);
    }
}
