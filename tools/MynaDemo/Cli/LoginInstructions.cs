using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Catalog;
using MynaPlatform.MynaDemo.Seeding;

namespace MynaPlatform.MynaDemo.Cli;

/// <summary>Prints, in Japanese and English side by side, what the person types to log in as the demo resident.</summary>
public static class LoginInstructions
{
    public static void Write(TextWriter output, DemoResult result, DemoSettings settings, string workingDirectory)
    {
        var card = DisplayPath(workingDirectory, result.CardPath);
        var envFile = DisplayPath(workingDirectory, settings.EnvFilePath);

        // myna-card finds the gateway in the platform.env of the working folder or above; elsewhere it needs --gateway.
        var gateway = PlatformEnvFile.FindAbove(workingDirectory) == Path.GetFullPath(settings.EnvFilePath)
            ? ""
            : $" --gateway {settings.Gateway.AbsoluteUri.TrimEnd('/')}";

        output.WriteLine($"""

            デモの準備ができました / The demo is ready

              ポータル / Portal:   {result.Portal}
              住民 / Resident:     {DemoResidentProfile.Name} (架空の人物 / fictitious)

              1. ポータルを開き「ログインを始める」を押します。
                 Open the portal and press 「ログインを始める」.
              2. 表示されたログインコードで、次のコマンドを実行します。
                 Run this command with the login code shown:

                   ./myna-card login --code CODE --card {card} --pin {result.Pin}{gateway}

              カードと暗証番号は {envFile} の {DemoState.CardKey} と {DemoState.PinKey} にもあります。
              The card and its PIN are also in {envFile} as {DemoState.CardKey} and {DemoState.PinKey}.
            """);
    }

    /// <summary>Returns <paramref name="path"/> relative to the working folder when it lies below it, else in full.</summary>
    private static string DisplayPath(string workingDirectory, string path)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
