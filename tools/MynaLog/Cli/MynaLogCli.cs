using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.Json;

namespace MynaPlatform.MynaLog.Cli;

/// <summary>
/// The <c>myna-log</c> command line. Results go to standard output as JSON; a failure goes to
/// standard error as <c>myna-log: REASON_CODE: message</c> with a non-zero exit code.
/// </summary>
public static class MynaLogCli
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var text = CliText.For(environment);
        CultureInfo.CurrentUICulture = text.Culture;
        var context = new CliContext(environment, text);

        var root = new RootCommand(text.Pick(
            "やりとり履歴の検証ツール。本人の手元で、記録が改ざん・削除・書き換えされていないことを確かめます。",
            "Access-log verifier: checks on the person's own machine that no record was altered, removed or rewritten."))
        {
            VerifyCommand.Create(context),
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = text.Pick("ヘルプを表示します。", "Shows help and usage information.");
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            var messages = string.Join(" ", parseResult.Errors.Select(error => error.Message));
            return Fail(context, new MynaLogException(MynaLogReasonCodes.UsageInvalid, messages));
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (MynaLogException failure)
        {
            return Fail(context, failure);
        }
    }

    private static int Fail(CliContext context, MynaLogException failure)
    {
        context.Environment.Error.WriteLine($"myna-log: {failure.ReasonCode}: {context.Text.Describe(failure)}");
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
}
