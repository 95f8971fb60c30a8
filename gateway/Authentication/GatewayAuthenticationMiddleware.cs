using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MynaPlatform.Authentication;

namespace MynaPlatform.Gateway.Authentication;

/// <summary>
/// Requires a valid platform access token on every <c>/api/</c> route except the anonymous ones,
/// before the request is forwarded. The service behind checks the token again with its own
/// audience and scopes. This first check keeps forged and expired tokens away from the services and
/// gives the rate limiter the caller's identity.
/// </summary>
public sealed class GatewayAuthenticationMiddleware(RequestDelegate next, IOptions<GatewayAuthenticationOptions> options)
{
    private readonly AnonymousPathMatcher _anonymous = new(options.Value.AnonymousPaths);

    public Task InvokeAsync(HttpContext context)
    {
        // The requests that need no token pass on without an async state machine.
        var hasToken = context.Request.Headers.Authorization.Count > 0;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        var isAnonymous = _anonymous.IsAnonymous(context.Request.Path);
        if (isAnonymous && !hasToken)
        {
            return next(context);
        }

        return AuthenticateAsync(context, isAnonymous);
    }

    private async Task AuthenticateAsync(HttpContext context, bool isAnonymous)
    {
        var result = await context.AuthenticateAsync();
        if (result.Succeeded)
        {
            context.User = result.Principal;
            await next(context);
            return;
        }

        if (isAnonymous)
        {
            // A token endpoint call may carry client credentials in the Authorization header.
            await next(context);
            return;
        }

        await TokenProblemResponses.WriteUnauthorizedAsync(context);
    }
}
