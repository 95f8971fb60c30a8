using System.Net.Sockets;
using System.Text;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// Sends one HTTP/1.1 request over a plain socket, because <see cref="HttpClient"/> removes dot
/// segments and rewrites backslashes before a request leaves the process.
/// </summary>
public sealed class RawHttpClient(Uri gateway)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<RawHttpResponse> GetAsync(string requestTarget, params string[] headerLines)
    {
        var request = new StringBuilder()
            .Append($"GET {requestTarget} HTTP/1.1\r\n")
            .Append($"Host: {gateway.Authority}\r\n")
            .Append("Connection: close\r\n");
        foreach (var line in headerLines)
        {
            request.Append(line).Append("\r\n");
        }

        request.Append("\r\n");

        using var timeout = new CancellationTokenSource(Timeout);
        using var socket = new TcpClient();
        await socket.ConnectAsync(gateway.Host, gateway.Port, timeout.Token);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), timeout.Token);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return RawHttpResponse.Parse(received.ToArray());
    }
}

/// <summary>A response read from the socket, with a chunked body joined back together.</summary>
public sealed record RawHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    public static RawHttpResponse Parse(byte[] response)
    {
        var headerEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.Latin1.GetString(response, 0, headerEnd).Split("\r\n");
        var statusCode = int.Parse(lines[0].Split(' ')[1]);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var separator = line.IndexOf(':');
            headers[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }

        var body = response[(headerEnd + 4)..];
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        return new RawHttpResponse(statusCode, headers, Encoding.UTF8.GetString(chunked ? JoinChunks(body) : body));
    }

    private static byte[] JoinChunks(byte[] body)
    {
        using var joined = new MemoryStream();
        var position = 0;
        while (true)
        {
            var sizeEnd = position + body.AsSpan(position).IndexOf(LineEnd);
            var sizeText = Encoding.Latin1.GetString(body, position, sizeEnd - position).Split(';')[0];
            var size = Convert.ToInt32(sizeText, 16);
            if (size == 0)
            {
                return joined.ToArray();
            }

            joined.Write(body, sizeEnd + 2, size);
            position = sizeEnd + 2 + size + 2;
        }
    }
}
