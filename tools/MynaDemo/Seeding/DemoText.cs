using MynaPlatform.Hosting;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>Chooses the Japanese or the English form of a message, as the other command-line tools do.</summary>
public sealed record DemoText(bool Japanese)
{
    public static DemoText For(Func<string, string?> getVariable) => new(ConsoleLanguage.IsJapanese(getVariable));

    /// <summary>The culture of the chosen language, which System.CommandLine's help headings follow.</summary>
    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Japanese ? "ja-JP" : "en-US");

    public string Pick(string japanese, string english) => Japanese ? japanese : english;
}
