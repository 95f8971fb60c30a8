using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Revocation;

namespace MynaPlatform.Identity.Jpki;

/// <summary>
/// Downloads a CA's CRL from the distribution point named in a certificate, checks it and keeps it
/// until its nextUpdate or <see cref="JpkiOptions.RevocationListMaxAge"/>, whichever comes first.
/// Anything that keeps the status from being known (timeout, HTTP error, not DER, a signature
/// that is not the CA's, a CRL past nextUpdate) refuses the login: it fails closed. The operating
/// system's revocation cache is never used. Each kept list is indexed by canonical serial number, so a
/// login's lookup costs the same for a CRL of ten entries as for one of a million.
/// </summary>
public sealed partial class RevocationListCache(
    IHttpClientFactory httpClientFactory,
    IOptions<JpkiOptions> options,
    TimeProvider clock,
    ILogger<RevocationListCache> logger)
{
    public const string HttpClientName = "jpki-crl";

    private readonly ConcurrentDictionary<string, CachedList> _lists = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the entry for a certificate's canonical serial number in its CA's current CRL, or null
    /// when the CRL does not list it.
    /// </summary>
    public async Task<RevokedCertificate?> FindAsync(Uri url, X509Certificate2 issuer, string serialNumber, CancellationToken cancellationToken)
    {
        var list = await GetAsync(url, issuer, cancellationToken);
        return list.BySerialNumber.GetValueOrDefault(serialNumber);
    }

    private async Task<CachedList> GetAsync(Uri url, X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = $"{url.AbsoluteUri} {issuer.Thumbprint}";
        if (_lists.TryGetValue(key, out var cached) && now < cached.UseUntil)
        {
            return cached;
        }

        var list = Check(Parse(await DownloadAsync(url, cancellationToken), url), issuer, url, now);
        var useUntil = now + options.Value.RevocationListMaxAge;
        if (list.NextUpdate is { } nextUpdate && nextUpdate < useUntil)
        {
            useUntil = nextUpdate;
        }

        var indexed = new CachedList(IndexBySerialNumber(list), useUntil);
        _lists[key] = indexed;
        Log.Downloaded(logger, url, list.Entries.Count);
        return indexed;
    }

    /// <summary>Indexes a CRL's entries by canonical serial number. Of two entries for one serial, the first counts.</summary>
    private static Dictionary<string, RevokedCertificate> IndexBySerialNumber(RevocationList list)
    {
        var entries = new Dictionary<string, RevokedCertificate>(list.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in list.Entries)
        {
            entries.TryAdd(CertificateSerialNumber.Canonical(entry.SerialNumber), entry);
        }

        return entries;
    }

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            throw Unavailable(url, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RevocationFetchTimeout);
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > options.Value.MaxRevocationListBytes)
            {
                throw Unavailable(url, null);
            }

            var der = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return der.Length <= options.Value.MaxRevocationListBytes ? der : throw Unavailable(url, null);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unavailable(url, exception);
        }
    }

    private RevocationList Parse(byte[] der, Uri url)
    {
        try
        {
            return RevocationList.Parse(der);
        }
        catch (CryptographicException exception)
        {
            throw Unavailable(url, exception);
        }
    }

    private RevocationList Check(RevocationList list, X509Certificate2 issuer, Uri url, DateTimeOffset now)
    {
        var sameIssuer = list.Issuer.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData);
        if (!sameIssuer || !list.IsSignedBy(issuer))
        {
            Log.ForgedList(logger, url);
            throw Unavailable(url, null);
        }

        if (list.NextUpdate is not { } nextUpdate || nextUpdate < now)
        {
            Log.StaleList(logger, url);
            throw Unavailable(url, null);
        }

        return list;
    }

    private JpkiRejectedException Unavailable(Uri url, Exception? exception)
    {
        Log.Unavailable(logger, exception, url);
        return new JpkiRejectedException(JpkiReasonCodes.RevocationStatusUnknown, StatusCodes.Status503ServiceUnavailable,
            "証明書の失効状態を確認できませんでした。",
            "認証局の失効リスト (CRL) を取得または検証できなかったため、安全のためログインを受け付けません。時間をおいて再度ログインしてください。",
            exception);
    }

    private sealed record CachedList(IReadOnlyDictionary<string, RevokedCertificate> BySerialNumber, DateTimeOffset UseUntil);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RevocationListDownloaded", Level = LogLevel.Debug,
            Message = "Downloaded the CRL at {Url} with {EntryCount} entries")]
        public static partial void Downloaded(ILogger logger, Uri url, int entryCount);

        [LoggerMessage(EventId = 2, EventName = "RevocationListUnavailable", Level = LogLevel.Warning,
            Message = "The CRL at {Url} could not be used; logins with its certificates are refused until it can")]
        public static partial void Unavailable(ILogger logger, Exception? exception, Uri url);

        [LoggerMessage(EventId = 3, EventName = "RevocationListForged", Level = LogLevel.Error,
            Message = "The CRL at {Url} is not signed by the certificate's CA")]
        public static partial void ForgedList(ILogger logger, Uri url);

        [LoggerMessage(EventId = 4, EventName = "RevocationListStale", Level = LogLevel.Warning,
            Message = "The CRL at {Url} has no nextUpdate or is past it")]
        public static partial void StaleList(ILogger logger, Uri url);
    }
}
