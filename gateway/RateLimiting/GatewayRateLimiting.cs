using System.Globalization;
using System.Net;
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

        // The option factories are built once, so choosing a partition builds no key string and no delegate per request.
        var person = LimiterOptions(limits.PersonPermitLimit, limits.Window);
        var client = LimiterOptions(limits.ClientPermitLimit, limits.Window);
        var anonymous = LimiterOptions(limits.AnonymousPermitLimit, limits.Window);

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RateLimitKey>(context => Partition(context, person, client, anonymous));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static Func<RateLimitKey, FixedWindowRateLimiterOptions> LimiterOptions(int permits, TimeSpan window) =>
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 };

    private static RateLimitPartition<RateLimitKey> Partition(
        HttpContext context,
        Func<RateLimitKey, FixedWindowRateLimiterOptions> person,
        Func<RateLimitKey, FixedWindowRateLimiterOptions> client,
        Func<RateLimitKey, FixedWindowRateLimiterOptions> anonymous)
    {
        var user = context.User;
        return user.FindFirst(PlatformClaims.PrincipalType)?.Value switch
        {
            PrincipalTypes.Person => RateLimitPartition.GetFixedWindowLimiter(RateLimitKey.Person(user.FindFirst(PlatformClaims.Subject)?.Value), person),
            PrincipalTypes.Client => RateLimitPartition.GetFixedWindowLimiter(RateLimitKey.Client(user.FindFirst(PlatformClaims.Subject)?.Value), client),
            _ => RateLimitPartition.GetFixedWindowLimiter(RateLimitKey.Address(context.Connection.RemoteIpAddress), anonymous),
        };
    }

    /// <summary>
    /// A partition: a person's or a client's subject, or the address of an anonymous caller. A
    /// value type, so that no key string is built per request.
    /// </summary>
    private readonly record struct RateLimitKey(RateLimitKind Kind, string? Subject, IPAddress? RemoteAddress)
    {
        public static RateLimitKey Person(string? subject) => new(RateLimitKind.Person, subject, null);

        public static RateLimitKey Client(string? subject) => new(RateLimitKind.Client, subject, null);

        public static RateLimitKey Address(IPAddress? address) => new(RateLimitKind.Address, null, address);
    }

    private enum RateLimitKind
    {
        Person,
        Client,
        Address,
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
