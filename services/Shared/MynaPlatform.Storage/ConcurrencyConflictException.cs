namespace MynaPlatform.Storage;

/// <summary>
/// Thrown when an update names a version that is no longer current, because another writer
/// changed the record first. Callers map it to 409 Conflict.
/// </summary>
public sealed class ConcurrencyConflictException(string entity, string id, long expectedVersion)
    : Exception($"{entity} '{id}' is no longer at version {expectedVersion}.")
{
    public string Entity { get; } = entity;

    public string Id { get; } = id;

    public long ExpectedVersion { get; } = expectedVersion;
}
