using System.Net;
using System.Net.Sockets;

namespace MynaPlatform.Benchmarks.Http;

public static class FreePort
{
    /// <summary>Returns a loopback port that was free a moment ago; the caller binds it next.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
