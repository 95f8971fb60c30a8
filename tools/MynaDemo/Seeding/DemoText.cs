using MynaPlatform.Hosting;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>Chooses the Japanese or the English form of a message, as the other command-line tools do.</summary>
public sealed record DemoText(bool Japanese)
{
    public static DemoText For(Func<string, string?> getVariable) => new(ConsoleLanguage.IsJapanese(getVariable));

    public string Pick(string japanese, string english) => Japanese ? japanese : english;
}
