using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Wire;
using MynaPlatform.MynaLog.Cli;

namespace MynaPlatform.MynaLog.Api;

/// <summary>
/// Reads the person's chain from the access-log API through the gateway. Paths and shapes are the
/// ones docs/access-log-verification.md defines.
/// </summary>
public sealed class AccessLogClient(HttpClient http, Uri gateway, string token)
{
    public const string KeysPath = "api/access-log/keys";
    public const string HeadPath = "api/access-log/chain/head";
    public const string EntriesPath = "api/access-log/chain/entries";
    public const int PageSize = 500;

    public async Task<TrustedKeys> GetKeysAsync(CancellationToken cancellationToken) =>
        Parse(await GetAsync(KeysPath, authorize: false, cancellationToken), TrustedKeys.FromJwks, "keys");

    public async Task<SignedHead> GetHeadAsync(CancellationToken cancellationToken) =>
        Parse(await GetAsync(HeadPath, authorize: true, cancellationToken), ChainJson.ReadHead, "head");

    /// <summary>Reads every entry after <paramref name="after"/> up to <paramref name="through"/>, page by page.</summary>
    public async Task<(List<ChainEntry> Entries, SignedCheckpoint? Checkpoint)> GetEntriesAsync(
        string chainId, long after, long through, CancellationToken cancellationToken)
    {
        var entries = new List<ChainEntry>();
        SignedCheckpoint? checkpoint = null;

        // The first page is always read, even with nothing new, because it carries the checkpoint.
        for (long? cursor = after; cursor is { } current;)
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"{EntriesPath}?after={current}&through={through}&limit={PageSize}");
            var page = Parse(await GetAsync(query, authorize: true, cancellationToken), ChainJson.ReadPage, "entries");
            if (page.ChainId != chainId)
            {
                throw new MynaLogException(MynaLogReasonCodes.ResponseInvalid, $"entries: chain {page.ChainId} differs from the head's chain {chainId}.");
            }

            if (page.NextAfter is { } nextAfter && (nextAfter <= current || nextAfter >= through))
            {
                throw new MynaLogException(MynaLogReasonCodes.ResponseInvalid, $"entries: nextAfter {nextAfter} is not between {current} and {through}.");
            }

            entries.AddRange(page.Entries);
            checkpoint ??= page.Checkpoint;
            cursor = page.NextAfter;
        }

        return (entries, checkpoint);
    }

    private async Task<JsonObject> GetAsync(string relativePath, bool authorize, CancellationToken cancellationToken)
    {
        var uri = new Uri(gateway, relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MynaLogException(MynaLogReasonCodes.EndpointUnreachable, gateway.AbsoluteUri, failure);
        }

        using (response)
        {
            ThrowOnFailureStatus(response.StatusCode, uri);
            try
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                    ?? throw new MynaLogException(MynaLogReasonCodes.ResponseInvalid, $"{uri.AbsolutePath}: the body is not a JSON object.");
            }
            catch (JsonException failure)
            {
                throw new MynaLogException(MynaLogReasonCodes.ResponseInvalid, $"{uri.AbsolutePath}: {failure.Message}", failure);
            }
        }
    }

    private static void ThrowOnFailureStatus(HttpStatusCode status, Uri uri)
    {
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MynaLogException(MynaLogReasonCodes.TokenRejected, ((int)status).ToString(CultureInfo.InvariantCulture));
        }

        if (status == HttpStatusCode.NotFound)
        {
            throw new MynaLogException(MynaLogReasonCodes.ApiNotFound, uri.AbsoluteUri);
        }

        if ((int)status >= 300)
        {
            throw new MynaLogException(MynaLogReasonCodes.ServerError, $"{(int)status} {uri.AbsolutePath}");
        }
    }

    private static T Parse<T>(JsonObject json, Func<JsonObject, T> read, string what)
    {
        try
        {
            return read(json);
        }
        catch (Exception failure) when (failure is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new MynaLogException(MynaLogReasonCodes.ResponseInvalid, $"{what}: {failure.Message}", failure);
        }
    }
}
