using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Hosting;

namespace MynaPlatform.ServiceDefaults.Time;

/// <summary>
/// The system clock moved by a test-only offset read from configuration on every call, so a test
/// can move the clock of a running service (expiries, withheld dates, idempotency windows)
/// without waiting.
/// </summary>
public sealed class OffsetTimeProvider(IConfiguration configuration) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ReadOffset();

    private TimeSpan ReadOffset() =>
        TimeSpan.TryParse(configuration[PlatformConfigurationKeys.TestClockOffset], out var offset) ? offset : TimeSpan.Zero;
}

public static class PlatformClockExtensions
{
    /// <summary>
    /// Adds the file named by <see cref="PlatformConfigurationKeys.TestClockFile"/>, if any, as a
    /// configuration source that is reloaded on change. Outside Production only.
    /// </summary>
    public static void AddTestClockFile(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction() || configuration[PlatformConfigurationKeys.TestClockFile] is not { Length: > 0 } path)
        {
            return;
        }

        configuration.AddJsonFile(path, optional: true, reloadOnChange: true);
    }

    public static IServiceCollection AddPlatformClock(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction() && !string.IsNullOrEmpty(configuration[PlatformConfigurationKeys.TestClockOffset]))
        {
            throw new InvalidOperationException(
                $"{PlatformConfigurationKeys.TestClockOffset} is a test-only setting and must not be set in Production.");
        }

        services.TryAddSingleton<TimeProvider>(environment.IsProduction()
            ? TimeProvider.System
            : new OffsetTimeProvider(configuration));
        return services;
    }
}
