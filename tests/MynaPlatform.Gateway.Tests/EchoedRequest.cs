namespace MynaPlatform.Gateway.Tests;

/// <summary>The request as the echo server received it from the gateway.</summary>
public sealed record EchoedRequest(
    string Method,
    string Path,
    string RawTarget,
    string Query,
    Dictionary<string, string?[]> Headers,
    long BodyLength)
{
    /// <summary>The header's values joined with commas, or null when the header was not sent.</summary>
    public string? Header(string name)
    {
        var match = Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase));
        return match.Value is null ? null : string.Join(",", match.Value);
    }
}
