using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.MynaCard.Cli;
using Xunit;

namespace MynaPlatform.Platform.Testing;

/// <summary>Issues virtual cards from the simulator and runs <c>myna-card</c> in-process against the platform.</summary>
public static class CardLogins
{
    public static async Task<CliOutcome> RunCardAsync(this PlatformFixture platform, params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["JPKI_SIMULATOR_URL"] = platform.App.GetEndpoint(ResourceNames.JpkiSimulator, ResourceNames.HttpEndpoint).AbsoluteUri,
            ["MYNA_GATEWAY_URL"] = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint).AbsoluteUri,
            ["LANG"] = "C",
        };

        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), platform.DataDirectory, TimeProvider.System);
        var exitCode = await MynaCardCli.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Issues a card with a new file name and returns its path; the PIN is 1234.</summary>
    public static async Task<string> IssueCardAsync(this PlatformFixture platform, params string[] testOptions)
    {
        var path = Path.Combine(platform.DataDirectory, $"card-{Guid.NewGuid():N}.json");
        string[] args = ["issue", "--out", path, "--pin", "1234", "--sign-pin", "SIGN1234", .. testOptions.SelectMany(option => new[] { "--test-option", option })];
        var issued = await platform.RunCardAsync(args);
        Assert.True(issued.ExitCode == 0, $"myna-card issue failed: {issued.Error}");
        return path;
    }
}

public sealed record CliOutcome(int ExitCode, string Output, string Error)
{
    public string LastLine => Output.TrimEnd().Split('\n')[^1].Trim();
}
