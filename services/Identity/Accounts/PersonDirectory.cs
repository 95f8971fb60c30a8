using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Accounts;

/// <summary>
/// Maps a verified login certificate to the person's random PersonId. At a certificate's first
/// login, the JPKI side (J-LIS, here its simulator) gives the individual number behind it. Only the
/// number's keyed digest is stored, so a renewed card reaches the same PersonId. The certificate is then
/// linked to the PersonId, and its later logins find the person by that link without asking J-LIS.
/// </summary>
/// <remarks>
/// The link only replaces the number lookup. Every login still verifies the certificate (chain,
/// dates, the CRL and the platform's own holds) before the person is looked up.
/// </remarks>
public sealed class PersonDirectory(
    IPersonRepository repository,
    ICertificateLinkRepository links,
    IHttpClientFactory httpClientFactory,
    IOptions<JpkiOptions> options,
    TimeProvider clock)
{
    public async Task<string> FindOrCreateAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var thumbprint = Thumbprint(certificate);
        if (await links.FindPersonAsync(thumbprint, cancellationToken) is { } linked)
        {
            return linked;
        }

        var digest = Digest(await LookUpNumberAsync(certificate, cancellationToken));
        var now = clock.GetUtcNow();
        var personId = await repository.FindByDigestAsync(digest, cancellationToken)
            ?? await repository.FindOrCreateAsync(digest, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now, cancellationToken);
        await links.LinkAsync(thumbprint, personId, now, cancellationToken);
        return personId;
    }

    /// <summary>
    /// Returns the PersonId behind a login certificate without creating an account, or null when the
    /// person has none. It uses the certificate's link when the certificate has logged in before, and
    /// J-LIS's number lookup otherwise. Only a genuine certificate reaches a person, because a link
    /// exists only for the exact bytes of a certificate that passed a full verification at a login,
    /// and J-LIS returns a number only for the certificates it issued.
    /// </summary>
    public async Task<string?> FindByCertificateAsync(X509Certificate2 certificate, CancellationToken cancellationToken) =>
        await links.FindPersonAsync(Thumbprint(certificate), cancellationToken)
        ?? await FindByNumberAsync(await LookUpNumberAsync(certificate, cancellationToken), cancellationToken);

    /// <summary>Returns the PersonId of an individual number, or null when the person has no account.</summary>
    public Task<string?> FindByNumberAsync(string individualNumber, CancellationToken cancellationToken) =>
        repository.FindByDigestAsync(Digest(individualNumber), cancellationToken);

    private static string Thumbprint(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private string Digest(string individualNumber)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.NumberDigestKey!);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(individualNumber)));
    }

    /// <summary>Asks J-LIS for the individual number behind a login certificate it issued.</summary>
    private async Task<string> LookUpNumberAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.SimulatorUrl is null || string.IsNullOrEmpty(settings.VerifierKey))
        {
            throw Unavailable(null);
        }

        using var client = httpClientFactory.CreateClient(TrustAnchors.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.SimulatorUrl, SimulatorRoutes.IndividualNumberLookup))
        {
            Content = JsonContent.Create(new IndividualNumberLookupRequest(Convert.ToBase64String(certificate.RawData))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.VerifierKey);

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound)
            {
                throw new JpkiRejectedException(JpkiReasonCodes.CertificateUnknown, StatusCodes.Status400BadRequest,
                    "証明書が見つかりません。", "この証明書は J-LIS が発行した利用者証明用電子証明書ではありません。カードの証明書を指定してください。");
            }

            response.EnsureSuccessStatusCode();
            var found = await response.Content.ReadFromJsonAsync<IndividualNumberLookupResponse>(cancellationToken);
            return found is not null && IndividualNumber.IsValid(found.IndividualNumber) ? found.IndividualNumber : throw Unavailable(null);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException)
        {
            throw Unavailable(exception);
        }
    }

    private static JpkiRejectedException Unavailable(Exception? exception) =>
        new(JpkiReasonCodes.RevocationStatusUnknown, StatusCodes.Status503ServiceUnavailable,
            "本人確認の照会ができませんでした。",
            "J-LIS への照会に失敗したため、ログインを完了できません。時間をおいて再度ログインしてください。", exception);
}
