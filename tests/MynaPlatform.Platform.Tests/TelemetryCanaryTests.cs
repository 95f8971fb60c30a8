using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// Plants secrets that really pass through the platform (PINs, tokens, the login certificate, a
/// nickname and an e-mail address changed after a step-up) and
/// searches every log line and every OTLP export of the run for them.
/// </summary>
public sealed class TelemetryCanaryTests(PlatformFixture platform)
{
    private const string SessionPath = "/api/identity/me/session";
    private const string PinAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // The gateway returns the trace id of every request in this header.
    private const string TraceIdHeader = "X-Trace-Id";
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Telemetry_LoginRefreshAndRead_ContainsNoSecrets()
    {
        var loginPin = RandomNumberGenerator.GetString("0123456789", 4);
        var signaturePin = RandomNumberGenerator.GetString(PinAlphabet, 16);
        var cardPath = Path.Combine(platform.DataDirectory, $"canary-card-{Guid.NewGuid():N}.json");
        var issued = await platform.RunCardAsync("issue", "--out", cardPath, "--pin", loginPin, "--sign-pin", signaturePin);
        Assert.True(issued.ExitCode == 0, issued.Error);

        var cliLogin = await platform.RunCardAsync("login", "--card", cardPath, "--pin", loginPin);
        Assert.True(cliLogin.ExitCode == 0, cliLogin.Error);

        var card = VirtualCard.Open(cardPath);
        using var gateway = platform.CreateGatewayClient();
        var nickname = RandomNumberGenerator.GetString(PinAlphabet, 16);
        var email = $"canary.{RandomNumberGenerator.GetHexString(16, lowercase: true)}@example.jp";
        await ChangeDetailsAsync(gateway, cliLogin.LastLine, cardPath, loginPin, nickname, email);
        var (tokens, _) = await LoginAsync(gateway, card, loginPin);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        var refreshed = await RefreshAsync(gateway, refreshToken);
        Assert.Equal(HttpStatusCode.OK, await ReadSessionAsync(gateway, cliLogin.LastLine));
        Assert.Equal(HttpStatusCode.OK, await ReadSessionAsync(gateway, refreshed.GetProperty("access_token").GetString()!));

        // Client mistakes and attacks take the error paths, which log more than success does.
        Assert.Equal(HttpStatusCode.OK, await ReadSessionAsync(gateway, accessToken, $"?access_token={accessToken}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadSessionAsync(gateway, accessToken[..^8] + "AAAAAAAA"));
        Assert.Equal(HttpStatusCode.BadRequest, await SendRefreshAsync(gateway, refreshToken[..^8] + "AAAAAAAA"));

        // The last login is the marker. Once its trace and log reach the receiver, everything the
        // earlier requests caused has been exported, because each batch exporter sends in order.
        var (markerTokens, markerTraceId) = await LoginAsync(gateway, card, loginPin);
        await WaitForExportsAsync(markerTraceId);

        using var certificate = card.Certificate(CardKey.Login);
        List<Canary> canaries =
        [
            Canary.Literal("signature PIN", signaturePin),
            Canary.AfterPinKey("login PIN", loginPin),
            Canary.Literal("login certificate subject", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), ignoreCase: true),
            Canary.Literal("login certificate (Base64)", DistinctiveBase64(certificate.RawData)),
            Canary.Literal("individual number", card.File.IndividualNumber),
            Canary.Literal("nickname", nickname),
            Canary.Literal("e-mail address", email, ignoreCase: true),
            .. Canary.ForSerialNumber("login certificate serial number", certificate),
            .. Canary.ForToken("access token from myna-card", cliLogin.LastLine),
            .. Canary.ForToken("access token", accessToken),
            .. Canary.ForToken("refresh token", refreshToken),
            .. Canary.ForToken("refreshed access token", refreshed.GetProperty("access_token").GetString()!),
            .. Canary.ForToken("marker access token", markerTokens.GetProperty("access_token").GetString()!),
        ];
        if (refreshed.TryGetProperty("refresh_token", out var rotated))
        {
            canaries.AddRange(Canary.ForToken("rotated refresh token", rotated.GetString()!));
        }

        var findings = SearchCapturedOutput(canaries);

        Assert.True(findings.Count == 0, $"Secrets reached the logs or the telemetry:\n{string.Join('\n', findings)}");
    }

    /// <summary>Changes the nickname, then the e-mail address after a step-up with <c>myna-card</c>.</summary>
    private async Task ChangeDetailsAsync(HttpClient gateway, string accessToken, string cardPath, string pin, string nickname, string email)
    {
        using var nicknameRequest = new HttpRequestMessage(HttpMethod.Patch, "/api/identity/account").WithBearer(accessToken);
        nicknameRequest.Content = JsonContent.Create(new { nickname });
        using var nicknameResponse = await gateway.SendAsync(nicknameRequest, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, nicknameResponse.StatusCode);

        using var stepUpRequest = new HttpRequestMessage(HttpMethod.Post, "/api/identity/account/step-up").WithBearer(accessToken);
        using var stepUpResponse = await gateway.SendAsync(stepUpRequest, TestContext.Current.CancellationToken);
        var code = await stepUpResponse.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var stepUp = await platform.RunCardAsync("step-up", "--card", cardPath, "--pin", pin, "--code", code.GetProperty("userCode").GetString()!);
        Assert.True(stepUp.ExitCode == 0, stepUp.Error);

        using var emailRequest = new HttpRequestMessage(HttpMethod.Put, "/api/identity/account/email").WithBearer(accessToken);
        emailRequest.Content = JsonContent.Create(new { email });
        using var emailResponse = await gateway.SendAsync(emailRequest, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, emailResponse.StatusCode);
    }

    private async Task WaitForExportsAsync(string markerTraceId)
    {
        var marker = Convert.FromHexString(markerTraceId);
        bool Received(string source, string signal, bool needsMarker) => platform.Telemetry.Exports.Any(export =>
            export.Source == source && export.Signal == signal && (!needsMarker || export.Body.AsSpan().IndexOf(marker) >= 0));

        await Polling.UntilAsync(
            () => Task.FromResult(
                Received(ResourceNames.Gateway, OtlpReceiver.Traces, needsMarker: true)
                && Received(ResourceNames.Identity, OtlpReceiver.Traces, needsMarker: true)
                && Received(ResourceNames.Identity, OtlpReceiver.Logs, needsMarker: true)
                && Received(ResourceNames.Gateway, OtlpReceiver.Logs, needsMarker: false)),
            FlushTimeout,
            $"the gateway's and the identity service's spans and logs of trace {markerTraceId} reached the OTLP receiver "
            + $"(received: {string.Join(", ", platform.Telemetry.Exports.Select(export => $"{export.Source}/{export.Signal}").Distinct())})");
    }

    private List<string> SearchCapturedOutput(IReadOnlyList<Canary> canaries)
    {
        var findings = new List<string>();
        var logFiles = Directory.GetFiles(platform.LogDirectory, "*.log");
        Assert.NotEmpty(logFiles);
        foreach (var path in logFiles)
        {
            findings.AddRange(Search(canaries, ReadShared(path), $"log file {Path.GetFileName(path)}"));
        }

        foreach (var export in platform.Telemetry.Exports)
        {
            var text = Encoding.Latin1.GetString(export.Body);
            findings.AddRange(Search(canaries, text, $"OTLP {export.Signal} from {export.Source} received at {export.ReceivedAt:HH:mm:ss.fff}"));
        }

        return findings;
    }

    private static IEnumerable<string> Search(IReadOnlyList<Canary> canaries, string text, string location) =>
        canaries.Select(canary => canary.FindIn(text, location)).OfType<string>();

    /// <summary>Reads a log file that the fixture is still appending to, byte for byte as Latin-1.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Returns 24 letters and digits from the signature half of the certificate's Base64 form, a
    /// part that form encoding leaves unchanged and that no other certificate shares.
    /// </summary>
    private static string DistinctiveBase64(byte[] certificate)
    {
        var base64 = Convert.ToBase64String(certificate);
        var run = Regex.Match(base64[(base64.Length / 2)..], "[A-Za-z0-9]{24}");
        Assert.True(run.Success, "The certificate's Base64 form has no run of 24 letters and digits in its second half.");
        return run.Value;
    }

    /// <summary>Logs in with the JPKI grant as myna-card does; returns the token response and the gateway's trace id.</summary>
    private static async Task<(JsonElement Tokens, string TraceId)> LoginAsync(HttpClient gateway, VirtualCard card, string pin)
    {
        using var challengeResponse = await gateway.PostAsync(LoginRoutes.Challenges, null, TestContext.Current.CancellationToken);
        var challenge = (await challengeResponse.Content.ReadFromJsonAsync<LoginChallengeResponse>(TestContext.Current.CancellationToken))!;
        using var certificate = card.Certificate(CardKey.Login);
        var proof = new Dictionary<string, string>
        {
            ["grant_type"] = LoginRoutes.JpkiGrantType,
            ["client_id"] = LoginRoutes.CardClientId,
            [LoginRoutes.ChallengeIdParameter] = challenge.ChallengeId,
            [LoginRoutes.CertificateParameter] = Convert.ToBase64String(certificate.RawData),
            [LoginRoutes.SignatureParameter] = Convert.ToBase64String(card.Sign(CardKey.Login, pin, Convert.FromBase64String(challenge.Challenge))),
        };

        using var response = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(proof), TestContext.Current.CancellationToken);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, tokens.ToString());
        Assert.True(tokens.TryGetProperty("refresh_token", out _), $"The JPKI grant returned no refresh token: {tokens}");
        return (tokens, response.Headers.GetValues(TraceIdHeader).Single());
    }

    private static async Task<JsonElement> RefreshAsync(HttpClient gateway, string refreshToken)
    {
        using var response = await gateway.PostAsync(LoginRoutes.Token, RefreshGrant(refreshToken), TestContext.Current.CancellationToken);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, tokens.ToString());
        return tokens;
    }

    private static async Task<HttpStatusCode> SendRefreshAsync(HttpClient gateway, string refreshToken)
    {
        using var response = await gateway.PostAsync(LoginRoutes.Token, RefreshGrant(refreshToken), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static FormUrlEncodedContent RefreshGrant(string refreshToken) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = LoginRoutes.CardClientId,
        ["refresh_token"] = refreshToken,
    });

    private static async Task<HttpStatusCode> ReadSessionAsync(HttpClient gateway, string accessToken, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionPath + query).WithBearer(accessToken);
        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
