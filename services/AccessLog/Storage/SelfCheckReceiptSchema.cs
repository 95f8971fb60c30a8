namespace MynaPlatform.AccessLog.Storage;

internal static class SelfCheckReceiptSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS self_check_receipts (
            probe_id TEXT PRIMARY KEY,
            message_id TEXT NOT NULL,
            correlation_id TEXT NOT NULL,
            trace_id TEXT NOT NULL,
            received_at TEXT NOT NULL
        );
        """;

    public const string MongoCollection = "self_check_receipts";
}
