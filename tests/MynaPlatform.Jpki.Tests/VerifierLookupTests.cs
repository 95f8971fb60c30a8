using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class VerifierLookupTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_RegisteredVerifier_ReturnsNumber()
    {
        var card = await simulator.IssueAsync();

        using var response = await LookUpAsync(card.Response.LoginCertificate, SimulatorFixture.VerifierKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<IndividualNumberLookupResponse>(Cancellation);
        Assert.Equal(card.Response.IndividualNumber, body!.IndividualNumber);
        Assert.Equal(CertificateState.Good, body.State);
    }

    [Fact]
    public async Task Lookup_NoKey_ReturnsUnauthorized()
    {
        var card = await simulator.IssueAsync();

        using var response = await LookUpAsync(card.Response.LoginCertificate, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains(JpkiReasonCodes.VerifierUnauthorized, body);
        Assert.DoesNotContain(card.Response.IndividualNumber, body);
    }

    [Fact]
    public async Task Lookup_UnregisteredKey_ReturnsUnauthorized()
    {
        var card = await simulator.IssueAsync();

        using var response = await LookUpAsync(card.Response.LoginCertificate, "not-a-registered-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(card.Response.IndividualNumber, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Lookup_SignatureCertificate_ReturnsNotFound()
    {
        var card = await simulator.IssueAsync();

        using var response = await LookUpAsync(card.Response.SignatureCertificate, SimulatorFixture.VerifierKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(JpkiReasonCodes.CertificateUnknown, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Lookup_UnknownCaCertificate_ReturnsNotFound()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(UnknownCa: true));

        using var response = await LookUpAsync(card.Response.LoginCertificate, SimulatorFixture.VerifierKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Lookup_HeldCard_ReportsOnHold()
    {
        var card = await simulator.IssueAsync();
        using var hold = await simulator.Http.PostAsync($"/hotline/cards/{card.Response.CardId}/hold", null, Cancellation);

        using var response = await LookUpAsync(card.Response.LoginCertificate, SimulatorFixture.VerifierKey);

        var body = await response.Content.ReadFromJsonAsync<IndividualNumberLookupResponse>(Cancellation);
        Assert.Equal(CertificateState.OnHold, body!.State);
    }

    private async Task<HttpResponseMessage> LookUpAsync(string certificate, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/verifier/individual-number")
        {
            Content = JsonContent.Create(new IndividualNumberLookupRequest(certificate)),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await simulator.Http.SendAsync(request, Cancellation);
    }
}
