namespace MynaPlatform.SelfInfo.Storage;

internal static class SelfInfoSchema
{
    /// <summary>
    /// A record is the head row of one agency's record key. It points at its current version and at
    /// its open flag. Versions are only ever inserted, and the partial unique index allows at most
    /// one open flag per record.
    /// </summary>
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS self_info_records (
            record_id TEXT PRIMARY KEY,
            agency_client_id TEXT NOT NULL,
            record_key TEXT NOT NULL,
            current_version INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            open_flag_id TEXT NULL,
            UNIQUE (agency_client_id, record_key)
        );
        CREATE INDEX IF NOT EXISTS ix_self_info_records_person ON self_info_records (person_id);
        CREATE INDEX IF NOT EXISTS ix_self_info_records_agency_person ON self_info_records (agency_client_id, person_id);

        CREATE TABLE IF NOT EXISTS self_info_versions (
            record_id TEXT NOT NULL REFERENCES self_info_records (record_id),
            version INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            agency_person_id TEXT NOT NULL,
            agency_name TEXT NOT NULL,
            category_group TEXT NOT NULL,
            category_name TEXT NOT NULL,
            as_of TEXT NOT NULL,
            items TEXT NOT NULL,
            search_text TEXT NOT NULL,
            published_at TEXT NOT NULL,
            PRIMARY KEY (record_id, version)
        );

        CREATE TABLE IF NOT EXISTS self_info_flags (
            flag_id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES self_info_records (record_id),
            version INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            agency_client_id TEXT NOT NULL,
            flagged_at TEXT NOT NULL,
            closed_at TEXT NULL,
            closed_as TEXT NULL,
            closed_by TEXT NULL,
            close_reason TEXT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_self_info_flags_open ON self_info_flags (record_id) WHERE closed_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_self_info_flags_agency_open ON self_info_flags (agency_client_id, flagged_at) WHERE closed_at IS NULL;
        """;

    public const string MongoRecords = "self_info_records";
    public const string MongoVersions = "self_info_versions";
    public const string MongoFlags = "self_info_flags";

    /// <summary>How a flag was closed: by the agency's new version, or by an operator's review.</summary>
    public const string ClosedAsCorrected = "corrected";
    public const string ClosedAsCleared = "cleared";
}
