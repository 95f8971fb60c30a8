namespace MynaPlatform.Contracts.Operations;

/// <summary>
/// Published by the service that stored an operator self-check probe; a second service consumes
/// it and stores a receipt, which proves the broker path end to end.
/// </summary>
/// <param name="ProbeId">Id of the stored probe.</param>
/// <param name="CorrelationId">Correlation id of the operator's request.</param>
/// <param name="RecordedAt">When the probe was stored (UTC instant).</param>
public sealed record SelfCheckProbeRecorded(Guid ProbeId, string CorrelationId, DateTimeOffset RecordedAt);
