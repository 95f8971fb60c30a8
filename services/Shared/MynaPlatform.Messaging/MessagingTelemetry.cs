namespace MynaPlatform.Messaging;

public static class MessagingTelemetry
{
    /// <summary>ActivitySource of the outbox dispatcher; the platform's telemetry listens to it.</summary>
    public const string SourceName = "MynaPlatform";
}
