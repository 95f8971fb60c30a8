namespace MynaPlatform.Messaging.Sqlite;

internal static class SqliteMessagingSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            aggregate_id TEXT NOT NULL,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            trace_parent TEXT NULL,
            trace_state TEXT NULL,
            correlation_id TEXT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

        CREATE TABLE IF NOT EXISTS inbox_messages (
            message_id TEXT NOT NULL,
            consumer TEXT NOT NULL,
            processed_at TEXT NOT NULL,
            PRIMARY KEY (message_id, consumer)
        );
        CREATE INDEX IF NOT EXISTS ix_inbox_messages_processed_at ON inbox_messages (processed_at);
        """;
}
