using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// Finds a server address: the command-line option, else the environment variable, else the same
/// key in <c>.data/platform.env</c> in the working folder or the nearest folder above it.
/// </summary>
public static class EndpointResolver
{
    public const string SimulatorVariable = "JPKI_SIMULATOR_URL";
    public const string GatewayVariable = "MYNA_GATEWAY_URL";
    public const string PlatformEnvPath = ".data/platform.env";

    public static Uri Resolve(string? optionValue, string variable, CliEnvironment environment)
    {
        var value = optionValue ?? environment.GetVariable(variable) ?? ReadPlatformEnv(environment.WorkingDirectory, variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CardException(JpkiReasonCodes.EndpointNotConfigured, variable);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CardException(JpkiReasonCodes.EndpointNotConfigured, $"{variable}={value}");
        }

        return uri;
    }

    private static string? ReadPlatformEnv(string startFolder, string key)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, PlatformEnvPath);
            if (File.Exists(path))
            {
                return ReadKey(path, key);
            }
        }

        return null;
    }

    private static string? ReadKey(string path, string key)
    {
        foreach (var line in File.ReadLines(path))
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && !line.StartsWith('#') && line[..separator].Trim() == key)
            {
                return line[(separator + 1)..].Trim();
            }
        }

        return null;
    }
}
