using MynaPlatform.Hosting;
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
    public const string PlatformEnvPath = PlatformEnvFile.RelativePath;

    public static Uri Resolve(string? optionValue, string variable, CliEnvironment environment)
    {
        var value = optionValue ?? environment.GetVariable(variable) ?? PlatformEnvFile.FindValue(environment.WorkingDirectory, variable);
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
}
