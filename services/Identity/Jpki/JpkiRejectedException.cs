namespace MynaPlatform.Identity.Jpki;

/// <summary>
/// A login proof the identity service refuses, with the stable reason code from
/// <c>JpkiReasonCodes</c>, the HTTP status and a Japanese title and detail for the person.
/// </summary>
public sealed class JpkiRejectedException(string reasonCode, int status, string title, string detail, Exception? inner = null)
    : Exception($"JPKI login proof rejected: {reasonCode}", inner)
{
    public string ReasonCode { get; } = reasonCode;

    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Detail { get; } = detail;
}
