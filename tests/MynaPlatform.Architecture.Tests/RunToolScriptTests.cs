using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Architecture.Tests;

/// <summary>Runs <c>scripts/run-tool.sh</c>, which the <c>myna-*</c> commands use, against a tool of a temporary checkout.</summary>
public sealed class RunToolScriptTests : IDisposable
{
    private readonly string _checkout = Directory.CreateTempSubdirectory("myna-run-tool-").FullName;

    [Fact]
    public async Task BuildFails_NamesToolAndProject()
    {
        Directory.CreateDirectory(Path.Combine(_checkout, "scripts"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "scripts", "run-tool.sh"), Path.Combine(_checkout, "scripts", "run-tool.sh"));
        var project = Path.Combine(_checkout, "tools", "Broken");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "broken-tool.csproj"),
            """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), "this is not C#", TestContext.Current.CancellationToken);

        var (exitCode, error) = await RunAsync("scripts/run-tool.sh", "broken-tool", "tools/Broken", "", "--", "--help");

        Assert.Equal(1, exitCode);
        Assert.Contains("broken-tool: BUILD_FAILED: the build of tools/Broken failed (output above).", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unbound variable", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_checkout, recursive: true);

    private async Task<(int ExitCode, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _checkout, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await output;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, error);
    }
}
