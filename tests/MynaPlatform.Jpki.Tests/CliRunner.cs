using System.Text.Json;
using MynaPlatform.MynaCard.Cli;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

/// <summary>Runs <c>myna-card</c> through its entry point with a chosen environment and working folder.</summary>
public sealed class CliRunner(string workingDirectory, IReadOnlyDictionary<string, string> variables)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), workingDirectory, TimeProvider.System);

        var exitCode = await MynaCardCli.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
