namespace MynaPlatform.Notices.Storage;

internal static class SelfCheckProbeSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS self_check_probes (
            probe_id TEXT PRIMARY KEY,
            correlation_id TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        """;

    public const string MongoCollection = "self_check_probes";
}
