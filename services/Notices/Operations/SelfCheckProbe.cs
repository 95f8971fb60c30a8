namespace MynaPlatform.Notices.Operations;

/// <summary>A record written by the operators' self-check to prove this service can store and publish.</summary>
public sealed record SelfCheckProbe(Guid ProbeId, string CorrelationId, DateTimeOffset RecordedAt);

public interface ISelfCheckProbeRepository
{
    /// <summary>
    /// Stores the probe and its <c>SelfCheckProbeRecorded</c> event together. Returns false when a
    /// probe with that id exists already; then nothing is written.
    /// </summary>
    Task<bool> RecordAsync(SelfCheckProbe probe, CancellationToken cancellationToken);
}
