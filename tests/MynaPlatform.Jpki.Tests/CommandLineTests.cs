using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class CommandLineTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("myna-card-cli-");

    [Fact]
    public async Task Issue_PlatformEnvAbove_FindsSimulator()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, ".data"));
        File.WriteAllText(Path.Combine(_folder.FullName, ".data", "platform.env"), $"# written by run.sh\nOTHER=1\nJPKI_SIMULATOR_URL={simulator.BaseAddress}\n");
        var nested = Directory.CreateDirectory(Path.Combine(_folder.FullName, "a", "b"));

        var result = await new CliRunner(nested.FullName, new Dictionary<string, string>())
            .RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(nested.FullName, "card.json")));
    }

    [Fact]
    public async Task Issue_NoSimulatorAddress_ReturnsEndpointCode()
    {
        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string>())
            .RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123");

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.EndpointNotConfigured}:", result.Error);
        Assert.Contains("JPKI_SIMULATOR_URL", result.Error);
    }

    [Fact]
    public async Task Issue_SimulatorDown_ReturnsUnreachableCode()
    {
        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string>())
            .RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123", "--simulator", "http://127.0.0.1:9");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains(JpkiReasonCodes.EndpointUnreachable, result.Error);
    }

    [Fact]
    public async Task Issue_UrlWithoutApi_ReturnsApiNotFound()
    {
        var wrongAddress = new Uri(simulator.BaseAddress, "no-such-prefix/");

        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string>())
            .RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123", "--simulator", wrongAddress.AbsoluteUri);

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.ApiNotFound}:", result.Error);
        Assert.Contains(wrongAddress.AbsoluteUri, result.Error);
    }

    [Fact]
    public async Task Login_WrongGateway_ReturnsApiNotFound()
    {
        var cli = new CliRunner(_folder.FullName, new Dictionary<string, string>());
        var issued = await cli.RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123", "--simulator", simulator.BaseAddress.AbsoluteUri);
        Assert.True(issued.ExitCode == 0, issued.Error);

        var result = await cli.RunAsync("login", "--card", "card.json", "--pin", "1234", "--gateway", simulator.BaseAddress.AbsoluteUri);

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.ApiNotFound}:", result.Error);
        Assert.Contains(simulator.BaseAddress.AbsoluteUri, result.Error);
    }

    [Fact]
    public async Task Login_NoGatewayAddress_NamesDocumentedVariable()
    {
        var cli = new CliRunner(_folder.FullName, new Dictionary<string, string>());
        var issued = await cli.RunAsync("issue", "--out", "card.json", "--pin", "1234", "--sign-pin", "ABC123", "--simulator", simulator.BaseAddress.AbsoluteUri);
        Assert.True(issued.ExitCode == 0, issued.Error);

        var result = await cli.RunAsync("login", "--card", "card.json", "--pin", "1234");

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.EndpointNotConfigured}:", result.Error);
        Assert.Contains("MYNA_GATEWAY_URL", result.Error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0174-1608-247")]
    [InlineData("http://127.0.0.1:5080/api/identity/connect/verify")]
    public async Task Login_MalformedCode_ReturnsUsageCode(string code)
    {
        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string> { ["LANG"] = "ja_JP.UTF-8" })
            .RunAsync("login", "--card", "card.json", "--pin", "1234", "--code", code);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.UsageInvalid}:", result.Error);
        Assert.Contains("12 桁のログイン用コード", result.Error);
    }

    [Fact]
    public async Task Help_JapaneseLocale_IsJapanese()
    {
        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string> { ["LANG"] = "ja_JP.UTF-8" }).RunAsync("issue", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("利用者証明用暗証番号", result.Output);
    }

    [Fact]
    public async Task Status_MissingCard_ReturnsCardFileCode()
    {
        var result = await new CliRunner(_folder.FullName, new Dictionary<string, string>()).RunAsync("status", "--card", "missing.json");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains(JpkiReasonCodes.CardFileNotFound, result.Error);
    }

    [Fact]
    public async Task Process_EnglishLocale_PrintsEnglishHelp()
    {
        var (exitCode, output, _) = await RunProcessAsync(["sign", "--help"], "en_US.UTF-8");

        Assert.Equal(0, exitCode);
        Assert.Contains("Signs a file with the signature certificate's key.", output);
    }

    [Fact]
    public async Task Process_UnknownCommand_ExitsWithUsageCode()
    {
        var (exitCode, _, error) = await RunProcessAsync(["unlock"], "C.UTF-8");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"myna-card: {JpkiReasonCodes.UsageInvalid}:", error);
    }

    /// <summary>Runs the built <c>myna-card</c> assembly as a separate process.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string[] args, string language)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder.FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "myna-card.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["LANG"] = language;
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("LC_MESSAGES");

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
