namespace MynaPlatform.Identity.Storage;

/// <summary>
/// Tables of the identity service's platform database on SQLite (<c>identity.db</c>), which also
/// contains its outbox, so that ending a session and its <c>SessionRevoked</c> row commit together.
/// Instants are fixed-width UTC text, so text order is time order. Persons are not here but in the
/// token store's file (<see cref="IdentityDbContext"/>).
/// </summary>
internal static class IdentitySchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS sessions (
            session_id TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            ended_at TEXT NULL,
            end_reason TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_sessions_person ON sessions (person_id, started_at);
        CREATE INDEX IF NOT EXISTS ix_sessions_ended ON sessions (ended_at);

        CREATE TABLE IF NOT EXISTS login_history (
            entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            client_id TEXT NOT NULL,
            result TEXT NOT NULL,
            session_id TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_login_history_person ON login_history (person_id, occurred_at);

        CREATE TABLE IF NOT EXISTS certificate_links (
            thumbprint TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            linked_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS card_holds (
            serial_number TEXT PRIMARY KEY,
            hold_id TEXT NOT NULL,
            person_id TEXT NULL,
            source TEXT NOT NULL,
            placed_at TEXT NOT NULL,
            lifted_at TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS agencies (
            client_id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            local_government_code TEXT NULL,
            identifier_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS agency_persons (
            client_id TEXT NOT NULL,
            agency_person_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            PRIMARY KEY (client_id, agency_person_id)
        );

        CREATE TABLE IF NOT EXISTS account_details (
            person_id TEXT PRIMARY KEY,
            nickname TEXT NULL,
            email TEXT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS step_ups (
            user_code TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            verified_at TEXT NULL,
            satisfied_until TEXT NULL,
            used_at TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_step_ups_session ON step_ups (session_id);
        """;
}
