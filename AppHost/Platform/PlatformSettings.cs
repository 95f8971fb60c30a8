using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public enum RunMode
{
    Auto,
    Local,
    Containers,
}

/// <summary>The AppHost's own settings from the <c>Platform</c> section.</summary>
public sealed record PlatformSettings(RunMode RequestedMode, string DataDirectory, int? GatewayPort, int? JpkiSimulatorPort)
{
    public static PlatformSettings Read(IConfiguration configuration, string appHostDirectory)
    {
        var modeText = configuration["Platform:RunMode"] ?? nameof(RunMode.Auto);
        if (!Enum.TryParse<RunMode>(modeText, ignoreCase: true, out var mode))
        {
            throw new InvalidOperationException($"Platform:RunMode is '{modeText}'; use Auto, Local or Containers.");
        }

        var dataDirectory = configuration["Platform:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".data"));

        return new PlatformSettings(mode, dataDirectory, ReadPort(configuration, "Platform:GatewayPort"), ReadPort(configuration, "Platform:JpkiSimulatorPort"));
    }

    /// <summary>A port of 0 or an empty value means "let Aspire choose", as the test host does.</summary>
    private static int? ReadPort(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!int.TryParse(text, out var port) || port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{key} is '{text}'; use a port number from 1 to 65535, or 0 to choose one at random.");
        }

        return port == 0 ? null : port;
    }
}
