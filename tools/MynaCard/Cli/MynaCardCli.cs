using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.Json;
using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// The <c>myna-card</c> command line. Results go to standard output as JSON; a failure goes to
/// standard error as <c>myna-card: REASON_CODE: message</c> with a non-zero exit code.
/// </summary>
public static class MynaCardCli
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var text = CliText.For(environment);
        CultureInfo.CurrentUICulture = text.Culture;
        var context = new CliContext(environment, text);

        var root = new RootCommand(text.Pick(
            "仮想マイナンバーカード。JPKI シミュレーターでカードを発行し、署名用電子証明書で署名します。テスト専用です。",
            "Virtual My Number Card: gets a card from the JPKI simulator and signs with its signature certificate. For testing only."))
        {
            IssueCommand.Create(context),
            SignCommand.Create(context),
            StatusCommand.Create(context),
            LoginCommand.Create(context),
            StepUpCommand.Create(context),
            ReportLostCommand.Create(context),
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = text.Pick("ヘルプを表示します。", "Shows help and usage information.");
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            var messages = string.Join(" ", parseResult.Errors.Select(error => error.Message));
            return Fail(context, new CardException(JpkiReasonCodes.UsageInvalid, messages));
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CardException failure)
        {
            return Fail(context, failure);
        }
    }

    private static int Fail(CliContext context, CardException failure)
    {
        context.Environment.Error.WriteLine($"myna-card: {failure.ReasonCode}: {context.Text.Describe(failure)}");
        return ExitCodes.For(failure.ReasonCode);
    }
}

/// <summary>What every command needs: the process view and the user's language.</summary>
public sealed record CliContext(CliEnvironment Environment, CliText Text)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void WriteJson<T>(T value) => Environment.Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    public Option<string> SimulatorOption() => new("--simulator")
    {
        HelpName = "url",
        Description = Text.Pick(
            $"JPKI シミュレーターの URL。省略時は環境変数 {EndpointResolver.SimulatorVariable}、次に {EndpointResolver.PlatformEnvPath} を使います。",
            $"URL of the JPKI simulator. Defaults to the environment variable {EndpointResolver.SimulatorVariable}, then to {EndpointResolver.PlatformEnvPath}."),
    };
}
