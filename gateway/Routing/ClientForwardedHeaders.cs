using Yarp.ReverseProxy.Transforms;

namespace MynaPlatform.Gateway.Routing;

/// <summary>
/// Removes every <c>X-Forwarded-*</c> header a client sent, including names that YARP does not set
/// (<c>X-Forwarded-Port</c>, <c>X-Forwarded-Client-Cert</c>), so no service reads a client's claim
/// about an earlier proxy.
/// </summary>
public static class ClientForwardedHeaders
{
    private const string Prefix = "X-Forwarded-";

    public static ValueTask RemoveAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;

        // Most requests carry no such header, so the list is only allocated when one is found.
        List<string>? names = null;
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                (names ??= []).Add(header.Key);
            }
        }

        if (names is null)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var name in names)
        {
            headers.Remove(name);
        }

        return ValueTask.CompletedTask;
    }
}
