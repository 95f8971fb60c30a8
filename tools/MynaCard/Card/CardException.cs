using System.Net;
using System.Text.Json;
using MynaPlatform.Jpki;

namespace MynaPlatform.MynaCard.Card;

/// <summary>
/// A failure with a stable reason code from <c>JpkiReasonCodes</c>. The command line turns it into
/// a message in the user's language, so the exception carries facts rather than text.
/// </summary>
public sealed class CardException(string reasonCode, string? subject = null, int? remainingAttempts = null, Exception? inner = null)
    : Exception($"{reasonCode}{(subject is null ? "" : $" ({subject})")}", inner)
{
    public string ReasonCode { get; } = reasonCode;

    /// <summary>The file, option, key or server message the failure is about, if any.</summary>
    public string? Subject { get; } = subject;

    public int? RemainingAttempts { get; } = remainingAttempts;

    public CardKey? Key { get; init; }

    /// <summary>
    /// Reads an error response, a ProblemDetails or an OAuth error body, and returns its failure. The
    /// body's reason code wins. A 404 without one means the URL points at another server (API_NOT_FOUND),
    /// and anything else is a server error.
    /// </summary>
    public static async Task<CardException> FromResponseAsync(HttpResponseMessage response)
    {
        string? reasonCode = null, detail = null;
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = body.RootElement;
            reasonCode = root.TryGetProperty(JpkiReasonCodes.ProblemExtension, out var code) ? code.GetString() : null;
            detail = root.TryGetProperty("detail", out var text) ? text.GetString()
                : root.TryGetProperty("error_description", out var description) ? description.GetString() : null;
        }
        catch (JsonException)
        {
            // A body that is not JSON carries no reason code, so the status decides below.
        }

        if (reasonCode is not null)
        {
            return new CardException(reasonCode, detail ?? $"HTTP {(int)response.StatusCode}");
        }

        if (response.StatusCode == HttpStatusCode.NotFound && response.RequestMessage?.RequestUri is { } address)
        {
            return new CardException(JpkiReasonCodes.ApiNotFound, address.AbsoluteUri);
        }

        return new CardException(JpkiReasonCodes.ServerError, detail ?? $"HTTP {(int)response.StatusCode}");
    }
}
