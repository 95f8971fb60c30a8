using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Platform;

/// <summary>Logs in to the platform through its gateway with the card's login key.</summary>
public sealed class LoginClient(Uri gateway) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = RequestTimeout };

    public async Task<LoginChallengeResponse> GetChallengeAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsync(LoginRoutes.Challenges.TrimStart('/'), content: null, cancellationToken));
        return await response.Content.ReadFromJsonAsync<LoginChallengeResponse>(cancellationToken)
            ?? throw new CardException(JpkiReasonCodes.ServerError, gateway.AbsoluteUri);
    }

    /// <summary>
    /// Exchanges the card's proof for an access token with the JPKI grant and returns the token
    /// response. It requests no refresh token (<see cref="LoginRoutes.CardLoginScope"/>).
    /// </summary>
    public async Task<JsonElement> GetTokensAsync(Dictionary<string, string> proof, CancellationToken cancellationToken)
    {
        proof["grant_type"] = LoginRoutes.JpkiGrantType;
        proof["client_id"] = LoginRoutes.CardClientId;
        proof[LoginRoutes.ScopeParameter] = LoginRoutes.CardLoginScope;
        using var response = await SendAsync(() => _http.PostAsync(LoginRoutes.Token.TrimStart('/'), new FormUrlEncodedContent(proof), cancellationToken));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    /// <summary>Approves the portal's device login shown as <paramref name="userCode"/> with the card's proof.</summary>
    public async Task ApproveDeviceAsync(string userCode, Dictionary<string, string> proof, CancellationToken cancellationToken)
    {
        proof["user_code"] = userCode;
        using var response = await SendAsync(() => _http.PostAsync(LoginRoutes.DeviceVerification.TrimStart('/'), new FormUrlEncodedContent(proof), cancellationToken));
    }

    /// <summary>Approves the step-up of the session that received the code in <paramref name="proof"/>.</summary>
    public async Task ApproveStepUpAsync(StepUpVerificationRequest proof, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync(StepUpRoutes.Verification.TrimStart('/'), proof, cancellationToken));
    }

    /// <summary>Reports the card lost with its login certificate; returns the platform's hold.</summary>
    public async Task<LostCardReportResponse> ReportLostAsync(byte[] loginCertificate, CancellationToken cancellationToken)
    {
        var report = new LostCardReportRequest(Convert.ToBase64String(loginCertificate));
        using var response = await SendAsync(() => _http.PostAsJsonAsync(LoginRoutes.LostCardReports.TrimStart('/'), report, cancellationToken));
        return await response.Content.ReadFromJsonAsync<LostCardReportResponse>(cancellationToken)
            ?? throw new CardException(JpkiReasonCodes.ServerError, gateway.AbsoluteUri);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new CardException(JpkiReasonCodes.EndpointUnreachable, gateway.AbsoluteUri, inner: exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CardException.FromResponseAsync(response);
        }
    }

    public void Dispose() => _http.Dispose();
}
