using MynaPlatform.MynaDemo.Cli;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class DemoHelpTests
{
    [Theory]
    [InlineData("C.UTF-8", "使用法:", "Usage:")]
    [InlineData("en_US.UTF-8", "Usage:", "使用法:")]
    public async Task Help_FollowsConsoleLanguage(string locale, string expected, string unexpected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = new Dictionary<string, string> { ["LANG"] = locale };

        var exitCode = await MynaDemoCli.RunAsync(["--help"], output, error, name => variables.GetValueOrDefault(name), Path.GetTempPath(),
            TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(unexpected, output.ToString(), StringComparison.Ordinal);
    }
}
