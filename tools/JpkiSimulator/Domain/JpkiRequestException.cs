namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>
/// A request the simulator rejects. <see cref="Title"/> and <see cref="Detail"/> are shown to
/// users, so they are Japanese and name the field and the fix.
/// </summary>
public sealed class JpkiRequestException(string reasonCode, string title, string detail)
    : Exception($"JPKI request rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;

    public string Title { get; } = title;

    public string Detail { get; } = detail;
}
