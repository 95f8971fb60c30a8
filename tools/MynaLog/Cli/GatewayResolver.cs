using MynaPlatform.Hosting;

namespace MynaPlatform.MynaLog.Cli;

/// <summary>
/// Finds the gateway address: the <c>--gateway</c> option, else <c>MYNA_GATEWAY_URL</c>, else the
/// <c>GATEWAY_URL</c> line that <c>./run.sh</c> writes to <c>.data/platform.env</c>, looked for in
/// the working folder and every folder above it.
/// </summary>
public static class GatewayResolver
{
    public const string GatewayVariable = "MYNA_GATEWAY_URL";
    public const string PlatformEnvKey = "GATEWAY_URL";
    public const string PlatformEnvPath = PlatformEnvFile.RelativePath;

    public static Uri Resolve(string? optionValue, CliEnvironment environment)
    {
        var value = optionValue ?? environment.GetVariable(GatewayVariable) ?? PlatformEnvFile.FindValue(environment.WorkingDirectory, PlatformEnvKey);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MynaLogException(MynaLogReasonCodes.EndpointNotConfigured);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new MynaLogException(MynaLogReasonCodes.EndpointNotConfigured, value);
        }

        return uri;
    }
}
