using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Domain;

namespace MynaPlatform.JpkiSimulator.Cards;

/// <summary>
/// Notifies the platform's identity service of holds placed at the hotline and lifted at the
/// counter, as J-LIS notifies registered verifiers, so the platform ends the holder's sessions at once.
/// </summary>
public sealed partial class PlatformHoldForwarder(
    CardLifecycle cards,
    IHttpClientFactory httpClientFactory,
    IOptions<JpkiSimulatorOptions> options,
    ILogger<PlatformHoldForwarder> logger)
{
    public const string HttpClientName = "platform";

    public Task ForwardHoldAsync(string cardId, CancellationToken cancellationToken) =>
        ForwardAsync(cardId, LoginRoutes.JpkiHolds, cancellationToken);

    public Task ForwardLiftAsync(string cardId, CancellationToken cancellationToken) =>
        ForwardAsync(cardId, LoginRoutes.JpkiHoldLifts, cancellationToken);

    private async Task ForwardAsync(string cardId, string route, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.PlatformUrl is null || !settings.Verifiers.TryGetValue(settings.PlatformVerifier, out var key))
        {
            return;
        }

        var notice = await cards.DescribeForPlatformAsync(cardId, cancellationToken);
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.PlatformUrl, route)) { Content = JsonContent.Create(notice) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            Log.Forwarded(logger, cardId, route);
        }
        catch (HttpRequestException exception)
        {
            // The card's state here has changed already; the hotline or counter can repeat the call.
            Log.ForwardFailed(logger, exception, cardId, route);
            throw new JpkiRequestException(JpkiReasonCodes.EndpointUnreachable, "プラットフォームへの通知に失敗しました。",
                "カードの状態は変更済みです。プラットフォームの起動を確認し、同じ操作をもう一度行ってください。");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "HoldForwarded", Level = LogLevel.Information,
            Message = "Told the platform about card {CardId} through {Route}")]
        public static partial void Forwarded(ILogger logger, string cardId, string route);

        [LoggerMessage(EventId = 2, EventName = "HoldForwardFailed", Level = LogLevel.Warning,
            Message = "Telling the platform about card {CardId} through {Route} failed")]
        public static partial void ForwardFailed(ILogger logger, Exception exception, string cardId, string route);
    }
}
