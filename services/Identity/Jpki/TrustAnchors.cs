using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Jpki;

/// <summary>
/// The login CA certificates the identity service trusts: the configured PEM files, plus the
/// simulator's login CA outside Production. Test anchors (<c>OU=TEST ONLY</c>) are rejected in
/// Production.
/// </summary>
public sealed partial class TrustAnchors(
    IOptions<JpkiOptions> options,
    IHostEnvironment environment,
    IHttpClientFactory httpClientFactory,
    ILogger<TrustAnchors> logger)
{
    public const string HttpClientName = "jpki-simulator";
    private const string TestOnlyUnit = "OU=TEST ONLY";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private X509Certificate2Collection? _anchors;

    public async Task<X509Certificate2Collection> GetAsync(CancellationToken cancellationToken)
    {
        if (_anchors is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _anchors ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the configuration at start, so a test anchor in Production stops the service.</summary>
    public void ValidateConfiguration()
    {
        var settings = options.Value;
        if (environment.IsProduction() && settings.SimulatorUrl is not null)
        {
            throw new InvalidOperationException("Jpki:SimulatorUrl is set in Production. The JPKI simulator is a test stand-in; remove the setting and configure Jpki:TrustAnchorFiles with the J-LIS CA certificates.");
        }

        foreach (var file in settings.TrustAnchorFiles)
        {
            LoadFile(file).Dispose();
        }
    }

    private async Task<X509Certificate2Collection> LoadAsync(CancellationToken cancellationToken)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var file in options.Value.TrustAnchorFiles)
        {
            anchors.Add(LoadFile(file));
        }

        if (options.Value.SimulatorUrl is { } simulator && !environment.IsProduction())
        {
            anchors.Add(await FetchSimulatorAnchorAsync(simulator, cancellationToken));
        }

        Log.AnchorsLoaded(logger, anchors.Count);
        return anchors;
    }

    private X509Certificate2 LoadFile(string path)
    {
        // CreateFromPemFile would also require a private key in the file, which a CA's published certificate never has.
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        if (environment.IsProduction() && certificate.Subject.Contains(TestOnlyUnit, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The trust anchor {path} is a test certificate ({TestOnlyUnit}) and is not trusted in Production. Configure the J-LIS CA certificates in Jpki:TrustAnchorFiles.");
        }

        return certificate;
    }

    private async Task<X509Certificate2> FetchSimulatorAnchorAsync(Uri simulator, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);
        var path = SimulatorRoutes.ForAuthority(SimulatorRoutes.CaCertificate, AuthorityNames.Login);
        try
        {
            var der = await client.GetByteArrayAsync(new Uri(simulator, path), cancellationToken);
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (Exception exception) when (exception is HttpRequestException or CryptographicException)
        {
            throw new JpkiRejectedException(MynaPlatform.Jpki.JpkiReasonCodes.RevocationStatusUnknown, StatusCodes.Status503ServiceUnavailable,
                "認証局の証明書を取得できませんでした。",
                "JPKI の認証局に接続できないため、証明書を検証できません。時間をおいて再度ログインしてください。", exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "TrustAnchorsLoaded", Level = LogLevel.Information,
            Message = "Loaded {AnchorCount} JPKI login trust anchors")]
        public static partial void AnchorsLoaded(ILogger logger, int anchorCount);
    }
}
