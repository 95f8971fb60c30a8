using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class LostCardTests(PlatformFixture platform)
{
    /// <summary>A route that only the gateway checks: notices has no such endpoint, so a valid token gets 404.</summary>
    private const string GatewayOnlyPath = "/api/notices/session-probe";

    private static readonly TimeSpan RevocationTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ReportLost_OldTokenRejectedWithinTwoSeconds()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(GatewayOnlyPath, token));

        var report = await platform.RunCardAsync("report-lost", "--card", card);
        var returned = Stopwatch.StartNew();

        Assert.True(report.ExitCode == 0, report.Error);
        var delay = await Polling.UntilAsync(
            async () => await StatusAsync(GatewayOnlyPath, token) == HttpStatusCode.Unauthorized, RevocationTimeout, "the gateway rejects the token");
        TestContext.Current.TestOutputHelper?.WriteLine($"Lost-card report to gateway 401: {delay.TotalMilliseconds:0} ms (since return {returned.ElapsedMilliseconds} ms)");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/api/identity/me/session", token));
        var again = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.Contains(JpkiReasonCodes.CertificateOnHold, again.Error);
    }

    [Fact]
    public async Task ReportLost_Twice_SameHold()
    {
        var card = await platform.IssueCardAsync();
        await LoginAsync(card);

        var first = await platform.RunCardAsync("report-lost", "--card", card);
        var second = await platform.RunCardAsync("report-lost", "--card", card);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var firstHold = JsonDocument.Parse(first.Output).RootElement;
        var secondHold = JsonDocument.Parse(second.Output).RootElement;
        Assert.Equal(firstHold.GetProperty("holdId").GetString(), secondHold.GetProperty("holdId").GetString());
        Assert.False(firstHold.GetProperty("alreadyHeld").GetBoolean());
        Assert.True(secondHold.GetProperty("alreadyHeld").GetBoolean());
        Assert.StartsWith("紛失届を受け付けました。", first.Error, StringComparison.Ordinal);
        Assert.StartsWith("このカードは紛失届が出ていて", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorReport_CounterLift_AdmitsLoginAgain()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);
        var operatorToken = await platform.GetOperatorTokenAsync();

        using var report = await PostAsync(LoginRoutes.OperatorLostCardReports, operatorToken, LoginCertificate(card));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        await Polling.UntilAsync(
            async () => await StatusAsync(GatewayOnlyPath, token) == HttpStatusCode.Unauthorized, RevocationTimeout, "the gateway rejects the token");
        var held = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        using var simulator = platform.App.CreateHttpClient(ResourceNames.JpkiSimulator, ResourceNames.HttpEndpoint);
        using var lifted = await simulator.DeleteAsync(SimulatorRoutes.ForCard(SimulatorRoutes.LiftHold, CardStore.Load(card).CardId), TestContext.Current.CancellationToken);
        var admitted = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");

        Assert.Contains(JpkiReasonCodes.CertificateOnHold, held.Error);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.True(admitted.ExitCode == 0, admitted.Error);
    }

    [Fact]
    public async Task SimulatorHotline_EndsPlatformSessions()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);
        using var simulator = platform.App.CreateHttpClient(ResourceNames.JpkiSimulator, ResourceNames.HttpEndpoint);

        using var held = await simulator.PostAsync(SimulatorRoutes.ForCard(SimulatorRoutes.PlaceHold, CardStore.Load(card).CardId), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        await Polling.UntilAsync(
            async () => await StatusAsync(GatewayOnlyPath, token) == HttpStatusCode.Unauthorized, RevocationTimeout, "the gateway rejects the token");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")]
    public async Task ReportLost_BadCertificate_Returns400(string certificate)
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.PostAsJsonAsync(LoginRoutes.LostCardReports, new LostCardReportRequest(certificate), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("loginCertificate", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ReportLost_PemCertificate_PlacesHold()
    {
        using var certificate = VirtualCard.Open(await platform.IssueCardAsync()).Certificate(CardKey.Login);
        using var client = platform.CreateGatewayClient();

        using var response = await client.PostAsJsonAsync(
            LoginRoutes.LostCardReports, new LostCardReportRequest(certificate.ExportCertificatePem()), TestContext.Current.CancellationToken);
        var hold = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(hold.GetProperty("alreadyHeld").GetBoolean());
    }

    [Fact]
    public async Task ReportLost_SignatureCertificate_NamesField()
    {
        using var certificate = VirtualCard.Open(await platform.IssueCardAsync()).Certificate(CardKey.Signature);
        using var client = platform.CreateGatewayClient();

        using var response = await client.PostAsJsonAsync(
            LoginRoutes.LostCardReports, new LostCardReportRequest(Convert.ToBase64String(certificate.RawData)), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("署名用電子証明書は紛失の届け出に使えません。", problem.GetProperty("title").GetString());
        Assert.StartsWith("loginCertificate には署名用電子証明書ではなく", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JpkiHoldRoute_WithoutVerifierKey_Returns401()
    {
        using var identity = platform.App.CreateHttpClient(ResourceNames.Identity, ResourceNames.HttpEndpoint);

        using var response = await identity.PostAsJsonAsync(LoginRoutes.JpkiHolds, new CardHoldNotice("1A", "123456789018"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static LostCardReportRequest LoginCertificate(string card)
    {
        using var certificate = VirtualCard.Open(card).Certificate(CardKey.Login);
        return new LostCardReportRequest(Convert.ToBase64String(certificate.RawData));
    }

    private async Task<string> LoginAsync(string card)
    {
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        return login.LastLine;
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string token)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, string token, T body)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.WithBearer(token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
