using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using OpenIddict.Abstractions;

namespace MynaPlatform.Identity.Cards;

/// <summary>
/// Takes lost-card reports from the card holder, an operator or J-LIS's hotline and puts the card
/// on hold: the identity service rejects the card's logins at once, ends the holder's sessions,
/// revokes their refresh tokens, and notifies J-LIS unless the report came from J-LIS.
/// </summary>
public sealed partial class LostCardReports(
    CardHoldStore holds,
    PersonDirectory persons,
    IOpenIddictTokenManager tokens,
    CardHoldRateLimiter rateLimiter,
    IHttpClientFactory httpClientFactory,
    IOptions<JpkiOptions> options,
    ILogger<LostCardReports> logger)
{
    public const string SourceHolder = "holder";
    public const string SourceOperator = "operator";
    public const string SourceJpki = "jpki";

    /// <summary>Handles a report that carries the card's login certificate (DER, Base64).</summary>
    public async Task<CardHold> ReportAsync(string? loginCertificate, string source, CancellationToken cancellationToken)
    {
        using var certificate = ParseCertificate(loginCertificate);
        LoginCertificateVerifier.RejectWrongKind(certificate, "loginCertificate", "紛失の届け出");
        var serialNumber = CertificateSerialNumber.Canonical(certificate);
        await rateLimiter.AcquireAsync(serialNumber, cancellationToken);

        // Only a genuine certificate reaches a person or a hold (see FindByCertificateAsync), so a
        // forged one cannot place a hold.
        var personId = await persons.FindByCertificateAsync(certificate, cancellationToken);
        var hold = await PlaceAsync(serialNumber, personId, source, cancellationToken);
        if (!hold.AlreadyHeld)
        {
            await NotifyJpkiAsync(certificate, hold.HoldId, cancellationToken);
        }

        return hold;
    }

    /// <summary>Handles a hold that J-LIS placed (its hotline), identified by serial number and holder.</summary>
    public async Task<CardHold> AcceptFromJpkiAsync(CardHoldNotice notice, CancellationToken cancellationToken)
    {
        var serialNumber = RequireSerialNumber(notice.LoginSerialNumber);
        if (!IndividualNumber.IsValid(notice.IndividualNumber))
        {
            throw Invalid("individualNumber", "12 桁の個人番号 (チェックデジット付き) を指定してください。");
        }

        var personId = await persons.FindByNumberAsync(notice.IndividualNumber, cancellationToken);
        return await PlaceAsync(serialNumber, personId, SourceJpki, cancellationToken);
    }

    /// <summary>Lifts a hold after the municipal counter lifted it at J-LIS; new logins are allowed again.</summary>
    public async Task<bool> LiftAsync(string? loginSerialNumber, CancellationToken cancellationToken)
    {
        var serialNumber = RequireSerialNumber(loginSerialNumber);
        var lifted = await holds.LiftAsync(serialNumber, cancellationToken);
        Log.HoldLifted(logger, lifted);
        return lifted;
    }

    private async Task<CardHold> PlaceAsync(string serialNumber, string? personId, string source, CancellationToken cancellationToken)
    {
        var hold = await holds.PlaceAsync(serialNumber, personId, source, cancellationToken);
        if (personId is not null)
        {
            // Runs again on a repeated report, so tokens issued in between are revoked as well.
            await tokens.RevokeBySubjectAsync(personId, cancellationToken);
        }

        Log.HoldPlaced(logger, hold.HoldId, source, hold.AlreadyHeld);
        return hold;
    }

    private async Task NotifyJpkiAsync(X509Certificate2 certificate, string holdId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.SimulatorUrl is null || string.IsNullOrEmpty(settings.VerifierKey))
        {
            return;
        }

        using var client = httpClientFactory.CreateClient(TrustAnchors.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.SimulatorUrl, SimulatorRoutes.VerifierHold))
        {
            Content = JsonContent.Create(new VerifierHoldRequest(Convert.ToBase64String(certificate.RawData))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.VerifierKey);

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException exception)
        {
            // NOTE: the platform's hold is in force and logins are rejected, but J-LIS's CRL shows the
            // hold only after a repeated report, because no retry queue exists yet.
            Log.JpkiNotifyFailed(logger, exception, holdId);
        }
    }

    private static X509Certificate2 ParseCertificate(string? value)
    {
        const string Fix = "カードの利用者証明用電子証明書を DER 形式の Base64 か PEM 形式で指定してください。";
        if (string.IsNullOrWhiteSpace(value) || value.Length > 16 * 1024)
        {
            throw Invalid("loginCertificate", $"値がないか長すぎます。{Fix}");
        }

        try
        {
            // An operator may paste the PEM form that certificate tools print, with its BEGIN and END lines.
            return value.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(value)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(value.Trim()));
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            throw Invalid("loginCertificate", $"証明書として読み取れません。{Fix}");
        }
    }

    private static string RequireSerialNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40 || !value.All(char.IsAsciiHexDigit))
        {
            throw Invalid("loginSerialNumber", "利用者証明用電子証明書のシリアル番号を 16 進数 (40 文字まで) で指定してください。");
        }

        return CertificateSerialNumber.Canonical(value);
    }

    private static JpkiRejectedException Invalid(string field, string fix) =>
        new(JpkiReasonCodes.RequestInvalid, StatusCodes.Status400BadRequest, $"{field} が正しくありません。", $"{field}: {fix}");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "CardHoldPlaced", Level = LogLevel.Information,
            Message = "Lost-card hold {HoldId} from {Source} (already held: {AlreadyHeld})")]
        public static partial void HoldPlaced(ILogger logger, string holdId, string source, bool alreadyHeld);

        [LoggerMessage(EventId = 2, EventName = "CardHoldLifted", Level = LogLevel.Information,
            Message = "Lost-card hold lift requested by the counter (a hold was active: {WasHeld})")]
        public static partial void HoldLifted(ILogger logger, bool wasHeld);

        [LoggerMessage(EventId = 3, EventName = "CardHoldJpkiNotifyFailed", Level = LogLevel.Warning,
            Message = "Telling J-LIS about hold {HoldId} failed")]
        public static partial void JpkiNotifyFailed(ILogger logger, Exception exception, string holdId);
    }
}
