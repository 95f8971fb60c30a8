using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Messaging.Sqlite;
using MynaPlatform.Storage.Sqlite;

namespace MynaPlatform.Identity.Storage.Sqlite;

internal sealed class SqliteCardHoldRepository(SqliteDatabase database, SqliteOutbox outbox) : ICardHoldRepository
{
    public Task<PlacedCardHold> PlaceAsync(CardHoldRequest request, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var find = write.CreateCommand(
                "SELECT hold_id, placed_at FROM card_holds WHERE serial_number = $serial AND lifted_at IS NULL;");
            find.Parameters.AddWithValue("$serial", request.SerialNumber);
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    var active = new CardHold(reader.GetString(0), SqliteValues.ToInstant(reader.GetString(1)), AlreadyHeld: true);
                    return new PlacedCardHold(active, []);
                }
            }

            await using var upsert = write.CreateCommand("""
                INSERT INTO card_holds (serial_number, hold_id, person_id, source, placed_at) VALUES ($serial, $holdId, $personId, $source, $now)
                ON CONFLICT (serial_number) DO UPDATE SET
                    hold_id = excluded.hold_id, person_id = excluded.person_id, source = excluded.source,
                    placed_at = excluded.placed_at, lifted_at = NULL;
                """);
            upsert.Parameters.AddWithValue("$serial", request.SerialNumber);
            upsert.Parameters.AddWithValue("$holdId", request.HoldId);
            upsert.Parameters.AddWithValue("$personId", SqliteValues.ToDbValue(request.PersonId));
            upsert.Parameters.AddWithValue("$source", request.Source);
            upsert.Parameters.AddWithValue("$now", SqliteValues.ToText(request.PlacedAt));
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            IReadOnlyList<EndedSession> ended = request.PersonId is null
                ? []
                : await SqliteSessionRepository.EndAllOfPersonAsync(
                    write, outbox, request.PersonId, SessionEndReason.CardSuspended, request.PlacedAt, cancellationToken);
            var suspended = new CardSuspended(request.HoldId, request.PersonId ?? "", request.PlacedAt);
            await outbox.EnqueueAsync(write, suspended, request.HoldId, cancellationToken);
            return new PlacedCardHold(new CardHold(request.HoldId, request.PlacedAt, AlreadyHeld: false), ended);
        }, cancellationToken);

    public Task<bool> LiftAsync(string serialNumber, DateTimeOffset liftedAt, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var update = write.CreateCommand(
                "UPDATE card_holds SET lifted_at = $now WHERE serial_number = $serial AND lifted_at IS NULL;");
            update.Parameters.AddWithValue("$serial", serialNumber);
            update.Parameters.AddWithValue("$now", SqliteValues.ToText(liftedAt));
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
