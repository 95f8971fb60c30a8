namespace MynaPlatform.Notices.Storage;

/// <summary>
/// Tables and collections of notices. Instants are UTC; a notice is visible from
/// <c>visible_at</c> once <c>published_at</c> is set, which happens in the transaction that
/// writes its <c>NoticePublished</c> event. Attachments are kept apart from the notice rows.
/// </summary>
internal static class NoticeSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS notices (
            notice_id TEXT PRIMARY KEY,
            push_id TEXT NOT NULL,
            item_index INTEGER NOT NULL,
            agency_client_id TEXT NOT NULL,
            agency_name TEXT NOT NULL,
            recipient TEXT NOT NULL,
            person_id TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            body_format TEXT NOT NULL,
            category TEXT NOT NULL,
            visible_at TEXT NOT NULL,
            expires_at TEXT NULL,
            payment_reference TEXT NULL,
            search_text TEXT NOT NULL,
            attachment_count INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            published_at TEXT NULL,
            read_at TEXT NULL,
            archived_at TEXT NULL,
            withdrawn_at TEXT NULL,
            UNIQUE (push_id, item_index)
        );
        CREATE INDEX IF NOT EXISTS ix_notices_person ON notices (person_id, visible_at DESC, notice_id DESC);
        CREATE INDEX IF NOT EXISTS ix_notices_due ON notices (visible_at) WHERE published_at IS NULL AND withdrawn_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_notices_agency ON notices (agency_client_id, created_at DESC, notice_id DESC);

        CREATE TABLE IF NOT EXISTS notice_attachments (
            notice_id TEXT NOT NULL REFERENCES notices (notice_id),
            position INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            length INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            PRIMARY KEY (notice_id, position)
        );

        CREATE TABLE IF NOT EXISTS notice_push_keys (
            agency_client_id TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            push_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL,
            lease_until TEXT NOT NULL,
            response_status INTEGER NULL,
            response_body TEXT NULL,
            PRIMARY KEY (agency_client_id, idempotency_key)
        );
        CREATE INDEX IF NOT EXISTS ix_notice_push_keys_created ON notice_push_keys (created_at);
        """;

    public const string MongoNotices = "notices";
    public const string MongoAttachments = "notice_attachments";
    public const string MongoPushKeys = "notice_push_keys";
}
