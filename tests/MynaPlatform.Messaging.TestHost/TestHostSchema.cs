namespace MynaPlatform.Messaging.TestHost;

/// <summary>
/// Tables the tests read: the publisher's emitted events, and the consumer's applied events. An
/// applied row is appended for every effect, with no unique key, so a second effect of one event
/// shows up as a second row instead of being hidden by a constraint.
/// </summary>
public static class TestHostSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS emitted_events (
            event_id TEXT PRIMARY KEY,
            number INTEGER NOT NULL,
            message_id TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS applied_events (
            row_id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            trace_id TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS skipped_duplicates (
            row_id INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL
        );
        """;
}
