using MynaPlatform.Hosting;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>Where the platform is, how the demo logs in as its operator, and where it keeps its own state.</summary>
/// <param name="Gateway">The gateway; every call of the demo goes through it.</param>
/// <param name="Simulator">The JPKI simulator, which issues the resident's card.</param>
/// <param name="Portal">The portal address printed for the person.</param>
/// <param name="EnvFilePath">The <c>platform.env</c> file that the demo reads and adds its <c>DEMO_*</c> entries to.</param>
/// <param name="CardPath">The resident's card file.</param>
public sealed record DemoSettings(
    Uri Gateway, Uri Simulator, Uri Portal, string OperatorClientId, string OperatorClientSecret, string EnvFilePath, string CardPath)
{
    /// <summary>Appended to every Idempotency-Key. Tests change it to play a run after the keys' 24-hour window.</summary>
    public string IdempotencyKeySuffix { get; init; } = "";

    /// <summary>Maximum wait for the agency's read-back to reach the person's access log.</summary>
    public TimeSpan AccessLogTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The card file's place in a data folder: with the CAs that issued it, so a reset removes both.</summary>
    public static string DefaultCardPath(string dataDirectory) => Path.Combine(dataDirectory, "demo", "myna-card.json");

    /// <summary>Reads the addresses and the operator's credentials that a running platform wrote to its data folder.</summary>
    public static DemoSettings FromDataDirectory(string dataDirectory, DemoText text)
    {
        var path = PlatformEnvFile.PathIn(dataDirectory);
        var entries = PlatformEnvFile.Read(path);

        string Require(string key) =>
            entries.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : throw new DemoException(
                    text.Pick(
                        $"{path} に {key} がありません。プラットフォームを ./run.sh で起動し、「MynaPlatform が起動しました」と表示されてから実行してください。",
                        $"{key} is missing from {path}. Start the platform with ./run.sh and run this after it prints \"MynaPlatform is running\"."),
                    platformUnreachable: true);

        return new DemoSettings(
            new Uri(Require("GATEWAY_URL")),
            new Uri(Require("JPKI_SIMULATOR_URL")),
            new Uri(Require("PORTAL_URL")),
            Require("OPERATOR_CLIENT_ID"),
            Require("OPERATOR_CLIENT_SECRET"),
            path,
            DefaultCardPath(dataDirectory));
    }
}
