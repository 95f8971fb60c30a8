using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// The RSA keys that sign tokens, stored one file each under <c>{data}/identity-keys</c>. Every
/// kept key is published in the JWKS; the newest key whose activation time has passed signs. A
/// rotation creates a key that activates one JWKS refresh interval (plus the validators' minimum
/// refresh gap) later, so every validator has read it before the first token it signs arrives.
/// </summary>
public sealed partial class SigningKeyRing
{
    public const string FolderName = "identity-keys";
    private const int KeySize = 2048;

    private readonly string _folder;
    private readonly TimeProvider _clock;
    private readonly PlatformAuthenticationOptions _validation;
    private readonly int _retained;
    private readonly TimeSpan _accessTokenLifetime;
    private readonly ILogger<SigningKeyRing> _logger;
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<SigningKey> _keys;

    public SigningKeyRing(
        IConfiguration configuration,
        IOptions<PlatformAuthenticationOptions> validation,
        IOptions<TokenOptions> tokens,
        TimeProvider clock,
        ILogger<SigningKeyRing> logger)
    {
        var dataDirectory = configuration[PlatformConfigurationKeys.DataDirectory]
            ?? throw new InvalidOperationException($"{PlatformConfigurationKeys.DataDirectory} is not set. Set it to the folder where the identity service keeps its signing keys.");
        _folder = Path.Combine(Path.GetFullPath(dataDirectory), FolderName);
        _clock = clock;
        _validation = validation.Value;
        _retained = tokens.Value.RetainedSigningKeys;
        _accessTokenLifetime = tokens.Value.AccessTokenLifetime;
        _logger = logger;

        Directory.CreateDirectory(_folder);
        _keys = LoadAll();
        if (_keys.Count == 0)
        {
            _keys = [Create(activatesAt: clock.GetUtcNow())];
        }
    }

    public string Folder => _folder;

    /// <summary>The key that signs now: the newest one already active, else the oldest one.</summary>
    public SigningKey Active
    {
        get
        {
            var now = _clock.GetUtcNow();
            var keys = _keys;
            return keys.Where(key => key.ActivatesAt <= now).MaxBy(key => key.ActivatesAt) ?? keys.MinBy(key => key.ActivatesAt)!;
        }
    }

    public IReadOnlyList<SigningKey> Published => _keys;

    /// <summary>
    /// Publishes a new key now that starts signing after the validators' refresh interval, and
    /// retires the oldest keys beyond <see cref="TokenOptions.RetainedSigningKeys"/>. A key that
    /// signs now, or that signed within one access token lifetime, is never retired, so quick
    /// rotations keep every token that is still valid.
    /// </summary>
    public SigningKey Rotate()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var active = Active;
            var created = Create(now + _validation.JwksRefreshInterval + _validation.JwksMinimumRefreshInterval);
            var keys = _keys.Append(created).OrderByDescending(key => key.ActivatesAt).ToList();
            var retainedKeys = keys.Where(key => key == created || key == active || SignedSince(key, keys, now, now - _accessTokenLifetime)).ToList();
            retainedKeys.AddRange(keys.Except(retainedKeys).Take(Math.Max(0, _retained - retainedKeys.Count)));
            foreach (var removed in keys.Except(retainedKeys))
            {
                File.Delete(PathOf(removed.KeyId));
                Log.KeyRetired(_logger, removed.KeyId);
            }

            _keys = retainedKeys;
            return created;
        }
    }

    /// <summary>
    /// Checks whether a key that no longer signs was replaced after a time. Its successor is the
    /// next newer key already active, and a key that has not activated yet never signed.
    /// </summary>
    private static bool SignedSince(SigningKey key, IReadOnlyList<SigningKey> keys, DateTimeOffset now, DateTimeOffset since)
    {
        if (key.ActivatesAt > now)
        {
            return false;
        }

        var replacedAt = keys.Where(other => other.ActivatesAt > key.ActivatesAt && other.ActivatesAt <= now)
            .Select(other => other.ActivatesAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return replacedAt > since;
    }

    private SigningKey Create(DateTimeOffset activatesAt)
    {
        using var rsa = RSA.Create(KeySize);
        var keyId = Base64Url.EncodeToString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..22];
        var file = new KeyFile(keyId, activatesAt, rsa.ExportPkcs8PrivateKeyPem());
        AtomicFile.WriteAllBytes(PathOf(keyId), JsonSerializer.SerializeToUtf8Bytes(file));
        Log.KeyCreated(_logger, keyId, activatesAt);
        return SigningKey.From(file);
    }

    private List<SigningKey> LoadAll() =>
        [.. Directory.EnumerateFiles(_folder, "signing-*.json")
            .Select(path => JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(path))
                ?? throw new InvalidOperationException($"The signing key file {path} is empty."))
            .Select(SigningKey.From)];

    private string PathOf(string keyId) => Path.Combine(_folder, $"signing-{keyId}.json");

    internal sealed record KeyFile(string KeyId, DateTimeOffset ActivatesAt, string PrivateKeyPem);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SigningKeyCreated", Level = LogLevel.Information,
            Message = "Created signing key {KeyId}; it is published now and signs from {ActivatesAt:O}")]
        public static partial void KeyCreated(ILogger logger, string keyId, DateTimeOffset activatesAt);

        [LoggerMessage(EventId = 2, EventName = "SigningKeyRetired", Level = LogLevel.Information,
            Message = "Retired signing key {KeyId}; tokens it signed are no longer accepted")]
        public static partial void KeyRetired(ILogger logger, string keyId);
    }
}

/// <summary>One signing key with its public JWK.</summary>
public sealed class SigningKey
{
    private SigningKey(string keyId, DateTimeOffset activatesAt, RsaSecurityKey key)
    {
        KeyId = keyId;
        ActivatesAt = activatesAt;
        Key = key;
        Credentials = new SigningCredentials(key, PlatformAuthenticationExtensions.SigningAlgorithm);
        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = keyId });
        publicJwk.Use = JsonWebKeyUseNames.Sig;
        publicJwk.Alg = PlatformAuthenticationExtensions.SigningAlgorithm;
        PublicJwk = publicJwk;
    }

    public string KeyId { get; }

    public DateTimeOffset ActivatesAt { get; }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    public JsonWebKey PublicJwk { get; }

    internal static SigningKey From(SigningKeyRing.KeyFile file)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(file.PrivateKeyPem);
        return new SigningKey(file.KeyId, file.ActivatesAt, new RsaSecurityKey(rsa) { KeyId = file.KeyId });
    }
}
