using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class GatewayRateLimits
{
    public const string SectionName = "Platform:Gateway:RateLimits";

    /// <summary>The gateway's <c>Gateway:RateLimits</c> settings that the AppHost forwards.</summary>
    private static readonly string[] ForwardedSettings = ["PersonPermitLimit", "ClientPermitLimit", "AnonymousPermitLimit", "Window"];

    /// <summary>
    /// Forwards each <c>Platform:Gateway:RateLimits:*</c> setting that is set to the gateway's
    /// <c>Gateway:RateLimits</c> section, so a benchmark can raise the limits for one run. Unset
    /// settings keep the gateway's own defaults, and the gateway validates the values it receives.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRateLimitSettings(this IResourceBuilder<ProjectResource> gateway)
    {
        var section = gateway.ApplicationBuilder.Configuration.GetSection(SectionName);
        foreach (var setting in section.GetChildren())
        {
            if (!ForwardedSettings.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{setting.Key} is not a gateway rate limit; use one of {string.Join(", ", ForwardedSettings)}.");
            }

            if (setting.Value is { Length: > 0 } value)
            {
                gateway.WithEnvironment($"Gateway__RateLimits__{setting.Key}", value);
            }
        }

        return gateway;
    }
}
