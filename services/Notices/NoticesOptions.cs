using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Notices;

/// <summary>Settings of the notices service, bound from the <c>Notices</c> section.</summary>
public sealed class NoticesOptions
{
    public const string SectionName = "Notices";

    /// <summary>
    /// How long a running push keeps its idempotency key without renewing it. A push renews it after
    /// each stored chunk, so this only bounds how long a retry waits after the first request died.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idempotency key is kept from its first use.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request waits for another request with the same key before it returns 409.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdempotencyMaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the publisher looks for scheduled notices whose time has come.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PublishPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Notices stored per transaction in a batch push.</summary>
    [Range(1, 10_000)]
    public int BatchChunkSize { get; set; } = 500;
}
