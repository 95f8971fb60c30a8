namespace MynaPlatform.Gateway.Middleware;

/// <summary>
/// Adds generic security headers to every response, leaving any header a service set alone, so
/// the portal keeps its own Content-Security-Policy.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Policy for every response that is not HTML, such as JSON, which never loads anything.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    private static readonly KeyValuePair<string, string>[] CommonHeaders =
    [
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "no-referrer"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
        new("Cross-Origin-Resource-Policy", "same-origin"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ];

    // Static, with the context as its state, so that no closure is allocated per request.
    private static readonly Func<object, Task> AddMissingHeaders = static state =>
    {
        AddMissingHeadersTo((HttpContext)state);
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(AddMissingHeaders, context);
        return next(context);
    }

    private static void AddMissingHeadersTo(HttpContext context)
    {
        var headers = context.Response.Headers;
        foreach (var (name, value) in CommonHeaders)
        {
            headers.TryAdd(name, value);
        }

        if (context.Request.IsHttps)
        {
            headers.TryAdd("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }

        var contentType = context.Response.ContentType ?? "";
        if (!contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            headers.TryAdd("Content-Security-Policy", ApiContentSecurityPolicy);
        }
    }
}
