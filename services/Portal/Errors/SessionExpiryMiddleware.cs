using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MynaPlatform.Portal.Errors;

/// <summary>
/// Ends the portal session when an API call finds it ended at identity, and sends the person to
/// the login page, which returns them afterwards to the page they asked for (for a form, the page
/// that showed it).
/// </summary>
public sealed class SessionExpiryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (SessionExpiredException) when (!context.Response.HasStarted)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            var returnUrl = $"{context.Request.PathBase}{context.Request.Path}{(HttpMethods.IsGet(context.Request.Method) ? context.Request.QueryString : QueryString.Empty)}";
            context.Response.Clear();
            context.Response.Redirect($"{PortalPages.Login.Path}?expired=true&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
    }
}
