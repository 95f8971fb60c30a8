using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MynaPlatform.Authentication;
using MynaPlatform.ServiceDefaults.Configuration;

namespace MynaPlatform.Gateway.RateLimiting;

/// <summary>
/// Limits requests by person for a person's token, by client for a client's token and by address
/// only for anonymous requests. A rejected request gets 429 with <c>Retry-After</c>.
/// </summary>
public static class GatewayRateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<GatewayRateLimitOptions>(GatewayRateLimitOptions.SectionName);
        var limits = configuration.GetSection(GatewayRateLimitOptions.SectionName).Get<GatewayRateLimitOptions>() ?? new GatewayRateLimitOptions();

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, GatewayRateLimitOptions limits)
    {
        var user = context.User;
        var (key, permits) = user.FindFirst(PlatformClaims.PrincipalType)?.Value switch
        {
            PrincipalTypes.Person => ($"person:{user.FindFirst(PlatformClaims.Subject)?.Value}", limits.PersonPermitLimit),
            PrincipalTypes.Client => ($"client:{user.FindFirst(PlatformClaims.Subject)?.Value}", limits.ClientPermitLimit),
            _ => ($"address:{context.Connection.RemoteIpAddress}", limits.AnonymousPermitLimit),
        };

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = limits.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "リクエストが多すぎます。",
                Detail = $"短時間のリクエスト数が上限を超えました。{seconds} 秒待ってから再度お試しください。",
            },
        });
    }
}
