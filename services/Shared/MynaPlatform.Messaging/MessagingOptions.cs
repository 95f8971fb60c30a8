using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Messaging;

/// <summary>Settings of the outbox dispatcher and the inbox, bound from <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How long one publish may wait for the broker's confirmation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for pending rows when nothing signals it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts while the broker is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows the dispatcher reads per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long processed message ids stay in the inbox. It must exceed the longest time a message
    /// can be redelivered or republished (broker redelivery plus outbox retries).
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long published outbox rows are kept before they are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SentOutboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Test-only: keeps the dispatcher from publishing, so a test can stop the process between
    /// commit and publish. Rejected in Production.
    /// </summary>
    public bool HoldDispatch { get; set; }
}
