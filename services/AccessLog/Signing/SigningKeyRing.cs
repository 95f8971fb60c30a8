using System.Globalization;
using System.Security.Cryptography;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Signing;

/// <summary>
/// The chain signing keys: the newest signs, and every key ever made stays published, so that a
/// head, entry or checkpoint signed with a retired key still verifies. The keys are loaded (or the
/// first one made) before the service takes requests.
/// </summary>
/// <remarks>
/// NOTE: the private keys are kept in the service's own database, so whoever can write that
/// database can also re-sign a rewritten chain. A hardware security module would close that gap,
/// and only a head the person remembered detects such a rewrite today.
/// </remarks>
public sealed partial class SigningKeyRing(ISigningKeyRepository repository, TimeProvider clock, ILogger<SigningKeyRing> logger) : IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<ChainSigningKey> _keys = [];

    /// <summary>The signer with the newest key.</summary>
    public ChainSigner Signer => _keys.Count > 0
        ? new ChainSigner(_keys[^1])
        : throw new InvalidOperationException("The signing keys have not been loaded yet.");

    /// <summary>Every key ever made, oldest first, as published.</summary>
    public IReadOnlyList<PublicJwk> PublishedKeys => [.. _keys.Select(key => key.PublicJwk())];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await repository.ListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            await RotateAsync(cancellationToken);
            return;
        }

        _keys = [.. stored.Select(key => ChainSigningKey.FromPem(key.KeyId, key.PrivateKeyPem))];
        Log.KeysLoaded(logger, stored.Count, stored[^1].KeyId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes a new key, stores it and signs with it from now on; the older keys stay published.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var keyId = string.Create(CultureInfo.InvariantCulture,
                $"alog-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
            var key = ChainSigningKey.Generate(keyId);
            await repository.AddAsync(new StoredSigningKey(keyId, key.ExportPkcs8Pem(), now), cancellationToken);

            _keys = [.. _keys, key];
            Log.KeyCreated(logger, keyId);
            return keyId;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ChainSigningKeysLoaded", Level = LogLevel.Information,
            Message = "Loaded {KeyCount} chain signing keys; {KeyId} signs")]
        public static partial void KeysLoaded(ILogger logger, int keyCount, string keyId);

        [LoggerMessage(EventId = 2, EventName = "ChainSigningKeyCreated", Level = LogLevel.Information,
            Message = "Created chain signing key {KeyId}, which signs from now on")]
        public static partial void KeyCreated(ILogger logger, string keyId);
    }
}
