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
    /// Returns the failure for an error response: its reason code when the body has one, else a 404
    /// as a URL without this API (the address of another server), else a server error.
    /// </summary>
    public static CardException FromResponse(HttpResponseMessage response, string? reasonCode, string? detail)
    {
        if (reasonCode is not null)
        {
            return new CardException(reasonCode, detail ?? $"HTTP {(int)response.StatusCode}");
        }

        if (response.StatusCode == System.Net.HttpStatusCode.NotFound && response.RequestMessage?.RequestUri is { } address)
        {
            return new CardException(JpkiReasonCodes.ApiNotFound, address.AbsoluteUri);
        }

        return new CardException(JpkiReasonCodes.ServerError, detail ?? $"HTTP {(int)response.StatusCode}");
    }
}
