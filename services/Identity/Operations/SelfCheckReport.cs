namespace MynaPlatform.Identity.Operations;

/// <summary>Outcome of one operator self-check, step by step.</summary>
/// <param name="ProbeId">Id of the probe stored in the notices service.</param>
/// <param name="CorrelationId">Correlation id of the operator's request.</param>
/// <param name="TraceId">Trace id of the operator's request, for the dashboard's trace view.</param>
/// <param name="Succeeded">True when every step succeeded.</param>
/// <param name="Steps">The steps in the order they ran.</param>
public sealed record SelfCheckReport(
    Guid ProbeId,
    string CorrelationId,
    string TraceId,
    bool Succeeded,
    IReadOnlyList<SelfCheckStep> Steps);

/// <param name="Name">Step name: <c>store-and-publish</c> or <c>consume</c>.</param>
/// <param name="Service">Resource name of the service the step exercised.</param>
/// <param name="Succeeded">Whether the step succeeded.</param>
/// <param name="ElapsedMilliseconds">Time the step took.</param>
/// <param name="Error">Why the step failed; null on success.</param>
public sealed record SelfCheckStep(string Name, string Service, bool Succeeded, long ElapsedMilliseconds, string? Error);
