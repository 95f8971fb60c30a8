namespace MynaPlatform.AccessLog.Storage;

/// <summary>
/// Tables of the chains. An entry's content is its canonical JSON, stored exactly as hashed; the
/// search columns repeat parts of it. Instants are UTC text at millisecond precision
/// (<c>2025-04-01T00:30:00.123Z</c>), so text order is time order.
/// A person's search walks <c>ix_access_log_entries_person_search</c> newest first and checks every
/// filter column in the index itself, so that the count of a person's matches reads no table row and
/// a page reads only the rows it returns. An older index on (person_id, sequence) alone is dropped,
/// because the new one serves the same lookups.
/// </summary>
internal static class AccessLogSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS access_log_chains (
            person_id TEXT PRIMARY KEY,
            chain_id TEXT NOT NULL UNIQUE,
            sequence INTEGER NOT NULL,
            head_hash TEXT NOT NULL,
            recorded_at TEXT NULL,
            head_signed_at TEXT NULL,
            head_key_id TEXT NULL,
            head_signature TEXT NULL,
            checkpoint_sequence INTEGER NULL,
            checkpoint_hash TEXT NULL,
            checkpoint_recorded_at TEXT NULL,
            checkpoint_signed_at TEXT NULL,
            checkpoint_key_id TEXT NULL,
            checkpoint_signature TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS access_log_entries (
            chain_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            commitment TEXT NOT NULL,
            entry_hash TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            key_id TEXT NOT NULL,
            signature TEXT NOT NULL,
            salt TEXT NOT NULL,
            content TEXT NOT NULL,
            kind TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            agency_1 TEXT NULL,
            agency_2 TEXT NULL,
            task_search TEXT NOT NULL,
            withheld_until TEXT NULL,
            source_key TEXT NOT NULL UNIQUE,
            PRIMARY KEY (chain_id, sequence)
        );
        DROP INDEX IF EXISTS ix_access_log_entries_person;
        CREATE INDEX IF NOT EXISTS ix_access_log_entries_person_search ON access_log_entries (
            person_id, sequence DESC, withheld_until, agency_1, agency_2, occurred_at, task_search);
        CREATE INDEX IF NOT EXISTS ix_access_log_entries_recorded ON access_log_entries (recorded_at);
        CREATE TABLE IF NOT EXISTS access_log_signing_keys (
            key_id TEXT PRIMARY KEY,
            private_key_pem TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """;

    public const string MongoChains = "access_log_chains";
    public const string MongoEntries = "access_log_entries";
    public const string MongoSigningKeys = "access_log_signing_keys";
}
