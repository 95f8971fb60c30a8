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
    public const string PlatformEnvPath = ".data/platform.env";

    public static Uri Resolve(string? optionValue, CliEnvironment environment)
    {
        var value = optionValue ?? environment.GetVariable(GatewayVariable) ?? ReadPlatformEnv(environment.WorkingDirectory);
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

    private static string? ReadPlatformEnv(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, PlatformEnvPath);
            if (File.Exists(path))
            {
                return File.ReadLines(path)
                    .Where(line => !line.StartsWith('#') && line.StartsWith(PlatformEnvKey + "=", StringComparison.Ordinal))
                    .Select(line => line[(PlatformEnvKey.Length + 1)..].Trim())
                    .FirstOrDefault();
            }
        }

        return null;
    }
}
