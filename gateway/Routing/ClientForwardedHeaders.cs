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
        var names = headers.NonValidated
            .Select(header => header.Key)
            .Where(name => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .ToList();

        foreach (var name in names)
        {
            headers.Remove(name);
        }

        return ValueTask.CompletedTask;
    }
}
