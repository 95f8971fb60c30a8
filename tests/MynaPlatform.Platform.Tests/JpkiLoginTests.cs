using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Platform;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class JpkiLoginTests(PlatformFixture platform)
{
    private const string SessionPath = "/api/identity/me/session";
    private const string PartnerPath = "/api/identity/partner/client";

    [Fact]
    public async Task Login_ValidCard_TokenReadsOwnSession()
    {
        var card = await platform.IssueCardAsync();

        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.True(login.ExitCode == 0, login.Error);
        using var response = await SendAsync(SessionPath, login.LastLine);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Matches("^[0-9a-f]{32}$", session.GetProperty("personId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", session.GetProperty("sessionId").GetString());
        Assert.Equal(LoginRoutes.CardClientId, session.GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task CardClient_Login_NoRefreshToken()
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var gateway = platform.CreateGatewayClient();
        using var client = new LoginClient(gateway.BaseAddress!);

        var tokens = await client.GetTokensAsync(await SignChallengeAsync(gateway, card), TestContext.Current.CancellationToken);

        Assert.False(tokens.TryGetProperty("refresh_token", out _), tokens.ToString());
        var accessToken = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(LoginRoutes.CardLoginScope.Split(' ').Order(), accessToken.GetPayloadValue<string>("scope").Split(' ').Order());
        using var response = await SendAsync(SessionPath, accessToken.EncodedToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_RenewedCard_SamePerson()
    {
        var card = await platform.IssueCardAsync();
        var first = await PersonIdAsync(await platform.RunCardAsync("login", "--card", card, "--pin", "1234"));
        var renewed = Path.Combine(platform.DataDirectory, $"renewed-{Guid.NewGuid():N}.json");
        var issued = await platform.RunCardAsync("issue", "--out", renewed, "--pin", "5678", "--sign-pin", "SIGN5678", "--renew", card);
        Assert.True(issued.ExitCode == 0, issued.Error);

        var second = await PersonIdAsync(await platform.RunCardAsync("login", "--card", renewed, "--pin", "5678"));
        var oldCard = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Contains(JpkiReasonCodes.CertificateRevoked, oldCard.Error);
    }

    [Theory]
    [InlineData("expired", JpkiReasonCodes.CertificateExpired)]
    [InlineData("not-yet-valid", JpkiReasonCodes.CertificateNotYetValid)]
    [InlineData("no-digital-signature", JpkiReasonCodes.CertificateKeyUsageInvalid)]
    [InlineData("unknown-ca", JpkiReasonCodes.CertificateUntrusted)]
    public async Task Login_FaultyCertificate_ReturnsReasonCode(string testOption, string reasonCode)
    {
        var card = await platform.IssueCardAsync(testOption);

        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.NotEqual(0, login.ExitCode);
        Assert.Contains(reasonCode, login.Error);
    }

    [Theory]
    [InlineData("serial-leading-zero")]
    [InlineData("serial-20-bytes")]
    public async Task Login_UnusualSerial_Succeeds(string testOption)
    {
        var card = await platform.IssueCardAsync(testOption);

        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.True(login.ExitCode == 0, login.Error);
    }

    [Fact]
    public async Task Login_HeldCard_ReturnsOnHold()
    {
        var card = await platform.IssueCardAsync();
        using var simulator = platform.App.CreateHttpClient(ResourceNames.JpkiSimulator, ResourceNames.HttpEndpoint);
        var cardId = CardStore.Load(card).CardId;
        using var held = await simulator.PostAsync(SimulatorRoutes.ForCard(SimulatorRoutes.PlaceHold, cardId), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);

        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.Contains(JpkiReasonCodes.CertificateOnHold, login.Error);
    }

    [Fact]
    public async Task TokenRequest_ReusedChallenge_ReturnsChallengeReused()
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var client = platform.CreateGatewayClient();
        var proof = await SignChallengeAsync(client, card);

        using var first = await client.PostAsync(LoginRoutes.Token, JpkiGrant(proof), TestContext.Current.CancellationToken);
        using var second = await client.PostAsync(LoginRoutes.Token, JpkiGrant(proof), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(JpkiReasonCodes.ChallengeReused, error.GetProperty(JpkiReasonCodes.ProblemExtension).GetString());
        // The platform's own text, not the generic one OpenIddict's identifier would give.
        Assert.Contains("チャレンジは 1 回しか使えません", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", JpkiReasonCodes.CertificateMalformed)]
    [InlineData("not base64!", JpkiReasonCodes.CertificateMalformed)]
    [InlineData("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", JpkiReasonCodes.CertificateMalformed)]
    [InlineData("signature", JpkiReasonCodes.CertificateNotForLogin)]
    [InlineData("ca", JpkiReasonCodes.CertificateNotForLogin)]
    [InlineData("truncated", JpkiReasonCodes.CertificateMalformed)]
    public async Task TokenRequest_MalformedCertificate_Returns400(string certificate, string reasonCode)
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var client = platform.CreateGatewayClient();
        var proof = await SignChallengeAsync(client, card);
        proof[LoginRoutes.CertificateParameter] = certificate switch
        {
            "signature" => Convert.ToBase64String(card.Certificate(CardKey.Signature).RawData),
            "ca" => Convert.ToBase64String(card.CaCertificate(CardKey.Login).RawData),
            "truncated" => Convert.ToBase64String(card.Certificate(CardKey.Login).RawData[..200]),
            _ => certificate,
        };

        using var response = await client.PostAsync(LoginRoutes.Token, JpkiGrant(proof), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reasonCode, error.GetProperty(JpkiReasonCodes.ProblemExtension).GetString());

        // An unreadable certificate makes the request malformed. A readable one of the wrong kind is a rejected grant.
        Assert.Equal(reasonCode == JpkiReasonCodes.CertificateMalformed ? "invalid_request" : "invalid_grant", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("challenge_id")]
    [InlineData("signature")]
    public async Task TokenRequest_MissingField_InvalidRequest(string field)
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var client = platform.CreateGatewayClient();
        var proof = await SignChallengeAsync(client, card);
        proof.Remove(field);

        using var response = await client.PostAsync(LoginRoutes.Token, JpkiGrant(proof), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal(JpkiReasonCodes.RequestInvalid, error.GetProperty(JpkiReasonCodes.ProblemExtension).GetString());
        Assert.Contains(field, error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRequest_WrongSignature_ReturnsSignatureInvalid()
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var client = platform.CreateGatewayClient();
        var proof = await SignChallengeAsync(client, card);
        proof[LoginRoutes.SignatureParameter] = Convert.ToBase64String(card.Sign(CardKey.Login, "1234", [1, 2, 3]));

        using var response = await client.PostAsync(LoginRoutes.Token, JpkiGrant(proof), TestContext.Current.CancellationToken);

        Assert.Equal(JpkiReasonCodes.SignatureInvalid, await ReasonCodeAsync(response));
    }

    [Fact]
    public async Task PersonToken_OnPartnerRoute_Returns403()
    {
        var login = await platform.RunCardAsync("login", "--card", await platform.IssueCardAsync(), "--pin", "1234");

        using var response = await SendAsync(PartnerPath, login.LastLine);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AgencyToken_PartnerAndPersonRoutes()
    {
        var token = await platform.GetAgencyTokenAsync();

        using var partner = await SendAsync(PartnerPath, token);
        using var person = await SendAsync(SessionPath, token);

        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
    }

    [Fact]
    public async Task TokenForOtherService_Returns403NamingScopes()
    {
        // The operator's token is for identity, self-info and the access log, not for notices.
        var token = await platform.GetOperatorTokenAsync();

        using var response = await SendAsync("/api/notices/inbox", token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("このアクセストークンはこのサービス向けではありません。", problem.GetProperty("title").GetString());
        Assert.Contains("notices:read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_CalledDirectlyWithoutToken_Returns401()
    {
        using var identity = platform.App.CreateHttpClient(ResourceNames.Identity, ResourceNames.HttpEndpoint);

        using var response = await identity.GetAsync(SessionPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string?> PersonIdAsync(CliOutcome login)
    {
        if (login.ExitCode != 0)
        {
            return null;
        }

        using var response = await SendAsync(SessionPath, login.LastLine);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("personId").GetString();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    internal static async Task<Dictionary<string, string>> SignChallengeAsync(HttpClient client, VirtualCard card)
    {
        using var response = await client.PostAsync(LoginRoutes.Challenges, null, TestContext.Current.CancellationToken);
        var challenge = (await response.Content.ReadFromJsonAsync<LoginChallengeResponse>(TestContext.Current.CancellationToken))!;
        using X509Certificate2 certificate = card.Certificate(CardKey.Login);
        return new Dictionary<string, string>
        {
            [LoginRoutes.ChallengeIdParameter] = challenge.ChallengeId,
            [LoginRoutes.CertificateParameter] = Convert.ToBase64String(certificate.RawData),
            [LoginRoutes.SignatureParameter] = Convert.ToBase64String(card.Sign(CardKey.Login, "1234", Convert.FromBase64String(challenge.Challenge))),
        };
    }

    internal static FormUrlEncodedContent JpkiGrant(Dictionary<string, string> proof) =>
        new(new Dictionary<string, string>(proof)
        {
            ["grant_type"] = LoginRoutes.JpkiGrantType,
            ["client_id"] = LoginRoutes.CardClientId,
        });

    private static async Task<string?> ReasonCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.TryGetProperty(JpkiReasonCodes.ProblemExtension, out var code) ? code.GetString() : body.ToString();
    }
}
