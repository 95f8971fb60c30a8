using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MynaPlatform.Authentication;

/// <summary>
/// Reads the identity service's published keys (JWKS) and keeps them. The keys are read again
/// when they are older than <see cref="PlatformAuthenticationOptions.JwksRefreshInterval"/>, or
/// when a token names an unknown <c>kid</c>, but never more often than
/// <see cref="PlatformAuthenticationOptions.JwksMinimumRefreshInterval"/>, so forged key ids cannot
/// turn each request into a download. A failed read keeps the keys already known.
/// </summary>
public sealed partial class JsonWebKeySetSource(
    IHttpClientFactory httpClientFactory,
    IOptions<PlatformAuthenticationOptions> options,
    TimeProvider clock,
    ILogger<JsonWebKeySetSource> logger) : ISigningKeySource
{
    public const string HttpClientName = "platform-jwks";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];

    // Timestamps of the clock's monotonic counter, not wall-clock times, because the wall clock can
    // move back (a time correction, or a test's clock offset), which would stop reads until it caught up.
    private long? _loadedAt;
    private long? _lastAttempt;

    public IReadOnlyList<SecurityKey> CurrentKeys => _keys;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        // Only a caller whose key is already known skips the gate. A caller with an unknown key id waits
        // for a read in progress, so a burst of tokens signed by a new key is not rejected during that read.
        // A cold service, which has no keys yet, waits for its first read the same way.
        if (IsKnown(keyId) && !NeedsRefresh(keyId))
        {
            return _keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (NeedsRefresh(keyId))
            {
                await RefreshAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }

        return _keys;
    }

    private bool NeedsRefresh(string? keyId)
    {
        var settings = options.Value;
        if (_lastAttempt is { } attempt && clock.GetElapsedTime(attempt) < settings.JwksMinimumRefreshInterval)
        {
            return false;
        }

        var stale = _loadedAt is not { } loaded || clock.GetElapsedTime(loaded) >= settings.JwksRefreshInterval;
        return stale || !IsKnown(keyId);
    }

    /// <summary>Returns whether keys have been read and, when a key id is given, whether one of them has that id.</summary>
    private bool IsKnown(string? keyId)
    {
        var keys = _keys;
        return keys.Count > 0 && (keyId is null || keys.Any(key => key.KeyId == keyId));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _lastAttempt = clock.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.JwksTimeout);

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(settings.JwksUrl, timeout.Token);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            _keys = [.. keys];
            _loadedAt = _lastAttempt;
            Log.KeysRefreshed(logger, _keys.Count);
        }
        catch (Exception exception) when (exception is HttpRequestException or ArgumentException or JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.RefreshFailed(logger, exception, settings.JwksUrl);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SigningKeysRefreshed", Level = LogLevel.Information,
            Message = "Read {KeyCount} signing keys from the identity service")]
        public static partial void KeysRefreshed(ILogger logger, int keyCount);

        [LoggerMessage(EventId = 2, EventName = "SigningKeysRefreshFailed", Level = LogLevel.Warning,
            Message = "Reading the signing keys from {JwksUrl} failed; the keys already known stay in use")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, Uri jwksUrl);
    }
}
