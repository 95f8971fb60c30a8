using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MynaPlatform.Authentication.Sessions;

public static class RevokedSessionRegistration
{
    /// <summary>
    /// Loads the revoked sessions from <typeparamref name="TSource"/> at start and periodically, and
    /// reports through the health check whether the first load succeeded. Token validation rejects
    /// every session in the set.
    /// </summary>
    public static IServiceCollection AddRevokedSessionSource<TSource>(this IServiceCollection services)
        where TSource : class, IRevokedSessionSource
    {
        services.TryAddSingleton<IRevokedSessionSource, TSource>();
        services.TryAddSingleton<RevokedSessionLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<RevokedSessionLoader>());
        services.AddHealthChecks().AddCheck<RevokedSessionLoader>(RevokedSessionLoader.HealthCheckName);
        return services;
    }
}
