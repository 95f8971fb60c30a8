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
}
