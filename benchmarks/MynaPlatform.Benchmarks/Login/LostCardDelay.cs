using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using MynaPlatform.MynaCard.Platform;

namespace MynaPlatform.Benchmarks.Login;

/// <summary>
/// The delay from a lost-card report (the call has returned) until the gateway rejects a token that
/// was issued before it. The path is identity → outbox → broker → the gateway's revoked sessions.
/// </summary>
public static class LostCardDelay
{
    /// <summary>A route that only the gateway checks: notices has no such endpoint, so a valid token gets 404.</summary>
    private const string GatewayOnlyPath = "api/notices/session-probe";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<TimeSpan> MeasureAsync(LoginLoad logins, LoginClient client, Uri gateway, BenchmarkCard card)
    {
        var token = await logins.LoginAsync(card, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = gateway };
        if (await StatusAsync(http, token) == HttpStatusCode.Unauthorized)
        {
            throw new BenchmarkException("The gateway rejected a new token before the card was reported lost.");
        }

        await client.ReportLostAsync(card.Certificate.RawData, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (await StatusAsync(http, token) == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }

            await Task.Delay(PollInterval);
        }

        throw new BenchmarkException($"The gateway still accepted the old token {Timeout.TotalSeconds:0} s after the lost-card report.");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, GatewayOnlyPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
