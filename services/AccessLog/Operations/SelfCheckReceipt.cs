namespace MynaPlatform.AccessLog.Operations;

/// <summary>Proof that a self-check event reached this service, with the trace it arrived in.</summary>
public sealed record SelfCheckReceipt(Guid ProbeId, Guid MessageId, string CorrelationId, string TraceId, DateTimeOffset ReceivedAt);

public interface ISelfCheckReceiptRepository
{
    /// <summary>
    /// Stores the receipt unless message <see cref="SelfCheckReceipt.MessageId"/> was processed
    /// before; returns false for such a duplicate.
    /// </summary>
    Task<bool> RecordAsync(SelfCheckReceipt receipt, string consumer, CancellationToken cancellationToken);

    Task<SelfCheckReceipt?> FindAsync(Guid probeId, CancellationToken cancellationToken);
}
