namespace MynaPlatform.AccessLog.Signing;

/// <summary>A chain signing key as stored: its id, its private key in PKCS#8 PEM and when it was made.</summary>
public sealed record StoredSigningKey(string KeyId, string PrivateKeyPem, DateTimeOffset CreatedAt);

public interface ISigningKeyRepository
{
    /// <summary>Returns every key ever made, oldest first.</summary>
    Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken);
}
