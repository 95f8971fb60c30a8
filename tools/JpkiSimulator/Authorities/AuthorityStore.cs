using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>
/// Loads the simulator's CAs from the data folder, creating any that is missing, so that saved
/// cards stay valid across restarts.
/// </summary>
public sealed partial class AuthorityStore(
    IOptions<SimulatorStorageOptions> storage, TimeProvider clock, ILogger<AuthorityStore> logger) : IDisposable
{
    private const int KeySize = 2048;

    private readonly Lock _gate = new();
    private Dictionary<string, CertificateAuthority>? _authorities;

    public bool IsLoaded => _authorities is not null;

    public CertificateAuthority? Find(string name) =>
        LoadAll().GetValueOrDefault(name);

    public CertificateAuthority Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"Unknown authority '{name}'.");

    public IReadOnlyDictionary<string, CertificateAuthority> LoadAll()
    {
        lock (_gate)
        {
            return _authorities ??= new Dictionary<string, CertificateAuthority>
            {
                [AuthorityNames.Login] = LoadOrCreate(AuthorityNames.Login, JpkiNames.LoginUnit, isTrusted: true),
                [AuthorityNames.Signature] = LoadOrCreate(AuthorityNames.Signature, JpkiNames.SignatureUnit, isTrusted: true),
                [AuthorityNames.UnknownLogin] = LoadOrCreate(AuthorityNames.UnknownLogin, JpkiNames.LoginUnit, isTrusted: false),
                [AuthorityNames.UnknownSignature] = LoadOrCreate(AuthorityNames.UnknownSignature, JpkiNames.SignatureUnit, isTrusted: false),
            };
        }
    }

    private CertificateAuthority LoadOrCreate(string name, string purposeUnit, bool isTrusted)
    {
        var folder = Path.Combine(storage.Value.SimulatorDirectory(), "authorities");
        var certificatePath = Path.Combine(folder, $"{name}.crt");
        var keyPath = Path.Combine(folder, $"{name}.key");

        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            var key = RSA.Create();
            key.ImportFromPem(File.ReadAllText(keyPath));
            Log.AuthorityLoaded(logger, name);
            return new CertificateAuthority(name, isTrusted, X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath)), key);
        }

        Directory.CreateDirectory(folder);
        var newKey = RSA.Create(KeySize);
        var certificate = CreateSelfSigned(JpkiNames.Issuer(purposeUnit), newKey);

        // The key goes first: a certificate without its key on disk is re-created on the next start.
        AtomicFile.WriteAllBytes(keyPath, Encoding.ASCII.GetBytes(newKey.ExportPkcs8PrivateKeyPem()));
        AtomicFile.WriteAllBytes(certificatePath, Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
        Log.AuthorityCreated(logger, name, folder);

        return new CertificateAuthority(name, isTrusted, certificate, newKey);
    }

    private X509Certificate2 CreateSelfSigned(X500DistinguishedName subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // Backdated so that deliberately expired test certificates still fall inside the CA's validity.
        var now = clock.GetUtcNow();
        using var withKey = request.CreateSelfSigned(now.AddYears(-10), now.AddYears(20));
        return X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    public void Dispose()
    {
        foreach (var authority in _authorities?.Values.ToList() ?? [])
        {
            authority.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "AuthorityLoaded", Level = LogLevel.Debug,
            Message = "Loaded test CA {Authority}")]
        public static partial void AuthorityLoaded(ILogger logger, string authority);

        [LoggerMessage(EventId = 2, EventName = "AuthorityCreated", Level = LogLevel.Information,
            Message = "Created test CA {Authority} in {Folder}")]
        public static partial void AuthorityCreated(ILogger logger, string authority, string folder);
    }
}
