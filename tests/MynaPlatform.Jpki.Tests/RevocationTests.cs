using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class RevocationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hold_BothCrls_ListCertificateHold()
    {
        var card = await simulator.IssueAsync();

        using var response = await simulator.Http.PostAsync($"/hotline/cards/{card.Response.CardId}/hold", null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var loginCrl = await ReadCrlAsync(card.Login);
        var signatureCrl = await ReadCrlAsync(card.Signature);
        Assert.Equal(JpkiFacts.ReasonCertificateHold, loginCrl.Entries[card.Login.SerialNumber]);
        Assert.Equal(JpkiFacts.ReasonCertificateHold, signatureCrl.Entries[card.Signature.SerialNumber]);
    }

    [Fact]
    public async Task Hold_RepeatedCall_IsIdempotent()
    {
        var card = await simulator.IssueAsync();
        var path = $"/hotline/cards/{card.Response.CardId}/hold";

        using var first = await simulator.Http.PostAsync(path, null, Cancellation);
        using var second = await simulator.Http.PostAsync(path, null, Cancellation);

        var status = await second.Content.ReadFromJsonAsync<CardStatusResponse>(Cancellation);
        Assert.Equal(CertificateState.OnHold, status!.Login);
        Assert.Equal(CertificateState.OnHold, status.Signature);
    }

    [Fact]
    public async Task LiftHold_AtCounter_RemovesCrlEntries()
    {
        var card = await simulator.IssueAsync();
        using var hold = await simulator.Http.PostAsync($"/hotline/cards/{card.Response.CardId}/hold", null, Cancellation);

        using var lift = await simulator.Http.DeleteAsync($"/counter/cards/{card.Response.CardId}/hold", Cancellation);

        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        Assert.DoesNotContain(card.Login.SerialNumber, (await ReadCrlAsync(card.Login)).Entries.Keys);
        Assert.DoesNotContain(card.Signature.SerialNumber, (await ReadCrlAsync(card.Signature)).Entries.Keys);
    }

    [Fact]
    public async Task AddressChange_RevokesSignatureCertificateOnly()
    {
        var card = await simulator.IssueAsync();

        using var response = await simulator.Http.PostAsJsonAsync(
            $"/counter/cards/{card.Response.CardId}/address-change", new ChangeAddressRequest("大阪府堺市試験町2丁目3番4号"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reason = (await ReadCrlAsync(card.Signature)).Entries[card.Signature.SerialNumber];
        Assert.NotEqual(JpkiFacts.ReasonCertificateHold, reason);
        Assert.DoesNotContain(card.Login.SerialNumber, (await ReadCrlAsync(card.Login)).Entries.Keys);
    }

    [Fact]
    public async Task AddressChange_EmptyAddress_ReturnsProblem()
    {
        var card = await simulator.IssueAsync();

        using var response = await simulator.Http.PostAsJsonAsync(
            $"/counter/cards/{card.Response.CardId}/address-change", new ChangeAddressRequest(""), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(JpkiReasonCodes.RequestInvalid, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Hold_UnknownCard_ReturnsNotFound()
    {
        using var response = await simulator.Http.PostAsync("/hotline/cards/0000/hold", null, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(JpkiReasonCodes.CardNotFound, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Renewal_SameResident_KeepsNumber()
    {
        var old = await simulator.IssueAsync();

        var renewed = await simulator.IssueAsync(renewal: new CardRenewal(old.Response.CardId, old.Response.IndividualNumber));

        Assert.Equal(old.Response.IndividualNumber, renewed.Response.IndividualNumber);
        Assert.NotEqual(old.Response.CardId, renewed.Response.CardId);
        Assert.NotEqual(old.Login.SerialNumber, renewed.Login.SerialNumber);
        Assert.NotEqual(old.Signature.SerialNumber, renewed.Signature.SerialNumber);
        Assert.NotEqual(old.Login.PublicKey.EncodedKeyValue.RawData, renewed.Login.PublicKey.EncodedKeyValue.RawData);

        Assert.Equal(JpkiFacts.ReasonSuperseded, (await ReadCrlAsync(old.Login)).Entries[old.Login.SerialNumber]);
        Assert.DoesNotContain(renewed.Login.SerialNumber, (await ReadCrlAsync(renewed.Login)).Entries.Keys);
    }

    [Fact]
    public async Task Renewal_WrongNumber_ReturnsConflict()
    {
        var old = await simulator.IssueAsync();
        var wrongNumber = old.Response.IndividualNumber == "123456789018" ? "000000000000" : "123456789018";
        var request = new IssueCardRequest("x", "y", Renewal: new CardRenewal(old.Response.CardId, wrongNumber));

        // Certificate requests are checked first, so send real ones.
        using var realKeys = System.Security.Cryptography.RSA.Create(2048);
        var csr = new CertificateRequest("CN=t", realKeys, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1).CreateSigningRequestPem();
        using var response = await simulator.Http.PostAsJsonAsync("/counter/cards", request with { LoginCertificateRequest = csr, SignatureCertificateRequest = csr }, Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(JpkiReasonCodes.RenewalMismatch, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task IssueCard_MalformedRequest_ReturnsProblemNamingField()
    {
        using var response = await simulator.Http.PostAsJsonAsync("/counter/cards", new IssueCardRequest("not a request", "x"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("loginCertificateRequest", body);
        Assert.Contains(JpkiReasonCodes.CertificateRequestInvalid, body);
    }

    private async Task<DerRevocationList> ReadCrlAsync(X509Certificate2 certificate)
    {
        var authority = certificate.IssuerName.Name.Contains("digital signature") ? "signature" : "login";
        var crl = DerRevocationList.Read(await simulator.GetBytesAsync($"/crl/{authority}.crl"));
        var issuer = X509CertificateLoader.LoadCertificate(await simulator.GetBytesAsync($"/ca/{authority}.cer"));

        Assert.True(crl.VerifyWith(issuer));
        Assert.NotNull(crl.NextUpdate);
        return crl;
    }
}
