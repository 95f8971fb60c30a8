namespace MynaPlatform.Storage;

public enum StorageProvider
{
    Sqlite,
    MongoDb,
}

/// <summary>Storage settings of one service, bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite file; defaults to <c>{Platform:DataDirectory}/{service}.db</c>.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>MongoDB database name; defaults to the service name.</summary>
    public string? MongoDatabase { get; set; }
}
