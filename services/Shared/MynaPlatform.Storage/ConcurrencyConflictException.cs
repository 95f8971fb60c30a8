namespace MynaPlatform.Storage;

/// <summary>
/// Thrown when an update names a version that is no longer current, because another writer
/// changed or deleted the record first. Callers map it to 409 Conflict.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string entity, string id, long expectedVersion)
        : base($"{entity} '{id}' is no longer at version {expectedVersion}.")
    {
        Entity = entity;
        Id = id;
        ExpectedVersion = expectedVersion;
    }

    public ConcurrencyConflictException(string entity, string id, long expectedVersion, long? actualVersion)
        : base(actualVersion is { } actual
            ? $"{entity} '{id}' is at version {actual}, not at the expected version {expectedVersion}."
            : $"{entity} '{id}' was not found; the update expected version {expectedVersion}.")
    {
        Entity = entity;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public string Entity { get; }

    public string Id { get; }

    public long ExpectedVersion { get; }

    /// <summary>The version the record has now, or null when it no longer exists or was not read.</summary>
    public long? ActualVersion { get; }
}
