using MynaPlatform.MynaCard.Cli;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>Runs <c>myna-card</c> commands in this process, against the demo's simulator and gateway.</summary>
public sealed class CardTool(DemoSettings settings, DemoText text)
{
    /// <summary>Runs one command and returns its standard output; a failure raises <see cref="DemoException"/> with the tool's message.</summary>
    public async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string>
        {
            [EndpointResolver.SimulatorVariable] = settings.Simulator.AbsoluteUri,
            [EndpointResolver.GatewayVariable] = settings.Gateway.AbsoluteUri,
            ["LANG"] = text.Japanese ? "ja_JP.UTF-8" : "en_US.UTF-8",
        };

        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(
            output, error, name => variables.GetValueOrDefault(name), Directory.GetCurrentDirectory(), TimeProvider.System);
        var exitCode = await MynaCardCli.RunAsync(args, environment, cancellationToken);
        if (exitCode != ExitCodes.Success)
        {
            throw new DemoException(text.Pick(
                $"myna-card {args[0]} に失敗しました (終了コード {exitCode}): {error.ToString().Trim()}",
                $"myna-card {args[0]} failed (exit code {exitCode}): {error.ToString().Trim()}"));
        }

        return output.ToString();
    }
}
