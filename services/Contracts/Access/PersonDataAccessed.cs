namespace MynaPlatform.Contracts.Access;

/// <summary>
/// Emitted through the outbox whenever anyone other than the person reads that person's data.
/// The access log turns each one into a record the person can see, so every field must be safe to
/// show to the person and none may carry the data itself.
/// </summary>
/// <param name="AccessId">Unique id of this read; a redelivered event carries the same id.</param>
/// <param name="PersonId">Opaque platform id of the person whose data was read.</param>
/// <param name="Accessor">Who read the data.</param>
/// <param name="DataCategory">What was read, as a category name shown to the person (e.g. 予防接種).</param>
/// <param name="DataItems">The data items read, by name; empty when the whole category was read.</param>
/// <param name="Purpose">Why it was read: the administrative task or the operator's stated reason.</param>
/// <param name="OccurredAt">When the read happened (UTC instant).</param>
/// <param name="CorrelationId">Correlation id of the request that read the data.</param>
/// <param name="SourceService">Resource name of the service that served the read.</param>
public sealed record PersonDataAccessed(
    Guid AccessId,
    string PersonId,
    Accessor Accessor,
    string DataCategory,
    IReadOnlyList<string> DataItems,
    string Purpose,
    DateTimeOffset OccurredAt,
    string CorrelationId,
    string SourceService);

/// <summary>The party that read a person's data: its kind and its registered id.</summary>
/// <param name="Kind">Kind of party.</param>
/// <param name="Id">Registered id of the agency, operator, external site or proxy.</param>
public sealed record Accessor(AccessorKind Kind, string Id);

public enum AccessorKind
{
    Agency = 1,
    Operator = 2,
    ExternalSite = 3,
    Proxy = 4,
}
