using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Architecture.Tests;

/// <summary>The checks that <c>run.sh</c> makes on its settings before it installs, builds or starts anything.</summary>
public sealed class RunScriptTests
{
    [Theory]
    [InlineData("MYNA_GATEWAY_PORT", "abc")]
    [InlineData("MYNA_SIMULATOR_PORT", "0")]
    [InlineData("MYNA_DASHBOARD_PORT", "70000")]
    [InlineData("MYNA_START_TIMEOUT", "soon")]
    [InlineData("MYNA_CONFIGURATION", "release")]
    public async Task InvalidSetting_ExitsNamingIt(string variable, string value)
    {
        var start = new ProcessStartInfo("bash", ["run.sh", "--no-build"])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable] = value;
        using var script = Process.Start(start)!;

        var error = await script.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await script.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, script.ExitCode);
        Assert.Contains($"{variable} is '{value}'", error, StringComparison.Ordinal);
    }
}
