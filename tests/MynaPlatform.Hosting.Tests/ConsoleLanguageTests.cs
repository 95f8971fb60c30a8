using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Hosting.Tests;

public sealed class ConsoleLanguageTests
{
    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData(null, null, "C.UTF-8", true)]
    [InlineData(null, null, "POSIX", true)]
    [InlineData(null, null, "ja_JP.UTF-8", true)]
    [InlineData(null, null, "en_US.UTF-8", false)]
    [InlineData(null, "ja_JP.UTF-8", "en_US.UTF-8", true)]
    [InlineData("en_GB.UTF-8", "ja_JP.UTF-8", "ja_JP.UTF-8", false)]
    [InlineData("", null, "en_US.UTF-8", false)]
    public void IsJapanese_Locale_FollowsFirstSetVariable(string? all, string? messages, string? lang, bool expected)
    {
        var variables = new Dictionary<string, string?> { ["LC_ALL"] = all, ["LC_MESSAGES"] = messages, ["LANG"] = lang };

        Assert.Equal(expected, ConsoleLanguage.IsJapanese(name => variables.GetValueOrDefault(name)));
    }
}
