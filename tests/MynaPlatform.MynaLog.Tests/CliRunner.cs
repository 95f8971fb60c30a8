using System.Text.Json;
using MynaPlatform.MynaLog.Cli;
using Xunit;

namespace MynaPlatform.MynaLog.Tests;

/// <summary>Runs <c>myna-log</c> through its entry point with chosen variables, working folder and state file.</summary>
public sealed class CliRunner(string workingDirectory, Dictionary<string, string> variables)
{
    public Dictionary<string, string> Variables => variables;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), workingDirectory);

        var exitCode = await MynaLogCli.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
