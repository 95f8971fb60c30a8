namespace MynaPlatform.Portal.Security;

/// <summary>
/// Sets the portal's Content-Security-Policy on every response. The screens run no script: styles
/// come from the portal's own files, and the QR code is an inline PNG (a data: image). Forms post
/// only to the portal.
/// </summary>
public sealed class ContentSecurityPolicyMiddleware(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            context.Response.Headers.CacheControl = context.Request.Path.StartsWithSegments("/css") ? "public, max-age=3600" : "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
