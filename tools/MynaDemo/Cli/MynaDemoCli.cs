using System.CommandLine;
using System.CommandLine.Help;
using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Seeding;

namespace MynaPlatform.MynaDemo.Cli;

/// <summary>
/// The <c>myna-demo</c> command line: seeds the running platform whose <c>platform.env</c> is in the
/// data folder, prints progress lines and then what to type to log in. A failure goes to standard
/// error as <c>myna-demo: message</c>.
/// </summary>
public static class MynaDemoCli
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageInvalid = 2;
    public const int PlatformNotRunning = 3;

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> getVariable, string workingDirectory,
        CancellationToken cancellationToken = default)
    {
        var text = DemoText.For(getVariable);
        System.Globalization.CultureInfo.CurrentUICulture = text.Culture;
        var dataDirectory = new Option<string>("--data-dir")
        {
            HelpName = "folder",
            Description = text.Pick(
                $"プラットフォームのデータフォルダー。省略時は環境変数 MYNA_DATA_DIR、次に作業フォルダーかその上の {PlatformEnvFile.RelativePath} を使います。",
                $"The platform's data folder. Defaults to the environment variable MYNA_DATA_DIR, then to the folder of {PlatformEnvFile.RelativePath} in the working folder or above it."),
        };
        var root = new RootCommand(text.Pick(
            "動いているプラットフォームに、デモ用の機関・架空の住民・お知らせ・あなたの情報・やりとり履歴を公開 API 経由で作ります。何度実行しても同じものは二度作りません。",
            "Creates demo agencies, a fictitious resident, notices, self-information and access-log records in the running platform through its public APIs. Running it again creates nothing twice."))
        {
            dataDirectory,
        };
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = text.Pick("ヘルプを表示します。", "Shows help and usage information.");
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            error.WriteLine($"myna-demo: {string.Join(" ", parseResult.Errors.Select(parseError => parseError.Message))}");
            return UsageInvalid;
        }

        if (parseResult.Action is HelpAction)
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        try
        {
            var folder = ResolveDataDirectory(parseResult.GetValue(dataDirectory), getVariable, workingDirectory, text);
            var settings = DemoSettings.FromDataDirectory(folder, text);
            var result = await new DemoSeeder(settings, text, output).RunAsync(cancellationToken);
            LoginInstructions.Write(output, result, settings, workingDirectory);
            return Success;
        }
        catch (DemoException failure)
        {
            error.WriteLine($"myna-demo: {failure.Message}");
            return failure.PlatformUnreachable ? PlatformNotRunning : Failed;
        }
    }

    private static string ResolveDataDirectory(string? option, Func<string, string?> getVariable, string workingDirectory, DemoText text)
    {
        if (!string.IsNullOrWhiteSpace(option ?? getVariable("MYNA_DATA_DIR")))
        {
            return Path.GetFullPath((option ?? getVariable("MYNA_DATA_DIR"))!, workingDirectory);
        }

        return PlatformEnvFile.FindAbove(workingDirectory) is { } envFile
            ? Path.GetDirectoryName(envFile)!
            : throw new DemoException(
                text.Pick(
                    $"{PlatformEnvFile.RelativePath} が見つかりません。チェックアウトのフォルダーで ./run.sh を実行してプラットフォームを起動してから実行してください。別のデータフォルダー (MYNA_DATA_DIR) で起動した場合は、--data-dir か環境変数 MYNA_DATA_DIR でそのフォルダーを指定してください。",
                    $"{PlatformEnvFile.RelativePath} was not found. Start the platform with ./run.sh in the checkout's folder first. If it runs with another data folder (MYNA_DATA_DIR), name that folder with --data-dir or the environment variable MYNA_DATA_DIR."),
                platformUnreachable: true);
    }
}
