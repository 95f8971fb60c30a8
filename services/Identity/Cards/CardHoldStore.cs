using System.Security.Cryptography;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Cards;

/// <summary>A hold on a card's login certificate, whether new or found active.</summary>
public sealed record CardHold(string HoldId, DateTimeOffset PlacedAt, bool AlreadyHeld);

/// <summary>
/// Lost-card holds by login certificate serial number. Placing a hold, ending the person's sessions
/// (one <see cref="SessionRevoked"/> each) and <see cref="CardSuspended"/> commit in one transaction.
/// </summary>
public sealed class CardHoldStore(SqliteDatabase database, SqliteOutbox outbox, SessionStore sessions, TimeProvider clock)
{
    /// <summary>Places a hold, or returns the active one unchanged, so a repeated report has no second effect.</summary>
    public async Task<CardHold> PlaceAsync(string serialNumber, string? personId, string source, CancellationToken cancellationToken)
    {
        var (hold, ended) = await database.WriteAsync(async write =>
        {
            await using var find = write.CreateCommand(
                "SELECT hold_id, placed_at FROM card_holds WHERE serial_number = $serial AND lifted_at IS NULL;");
            find.Parameters.AddWithValue("$serial", serialNumber);
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    return (new CardHold(reader.GetString(0), SqliteValues.ToInstant(reader.GetString(1)), AlreadyHeld: true),
                        (IReadOnlyList<EndedSession>)[]);
                }
            }

            var now = clock.GetUtcNow();
            var holdId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await using var upsert = write.CreateCommand("""
                INSERT INTO card_holds (serial_number, hold_id, person_id, source, placed_at) VALUES ($serial, $holdId, $personId, $source, $now)
                ON CONFLICT (serial_number) DO UPDATE SET
                    hold_id = excluded.hold_id, person_id = excluded.person_id, source = excluded.source,
                    placed_at = excluded.placed_at, lifted_at = NULL;
                """);
            upsert.Parameters.AddWithValue("$serial", serialNumber);
            upsert.Parameters.AddWithValue("$holdId", holdId);
            upsert.Parameters.AddWithValue("$personId", SqliteValues.ToDbValue(personId));
            upsert.Parameters.AddWithValue("$source", source);
            upsert.Parameters.AddWithValue("$now", SqliteValues.ToText(now));
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            IReadOnlyList<EndedSession> endedSessions = personId is null
                ? []
                : await sessions.EndAllAsync(write, personId, SessionEndReason.CardSuspended, cancellationToken);
            await outbox.EnqueueAsync(write, new CardSuspended(holdId, personId ?? "", now), holdId, cancellationToken);
            return (new CardHold(holdId, now, AlreadyHeld: false), endedSessions);
        }, cancellationToken);

        sessions.Remember(ended);
        return hold;
    }

    /// <summary>Lifts the active hold of the serial number; returns false when there was none.</summary>
    public Task<bool> LiftAsync(string serialNumber, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var update = write.CreateCommand(
                "UPDATE card_holds SET lifted_at = $now WHERE serial_number = $serial AND lifted_at IS NULL;");
            update.Parameters.AddWithValue("$serial", serialNumber);
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(clock.GetUtcNow()));
            return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task<bool> IsHeldAsync(string serialNumber, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT 1 FROM card_holds WHERE serial_number = $serial AND lifted_at IS NULL;";
            query.Parameters.AddWithValue("$serial", serialNumber);
            return await query.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);
}
