using MongoDB.Driver;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Sessions;
using MynaPlatform.Messaging.MongoDb;
using MynaPlatform.Storage.MongoDb;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoCardHoldRepository(IMongoDatabase database, MongoTransaction transaction, MongoOutbox outbox) : ICardHoldRepository
{
    private static FilterDefinitionBuilder<MongoCardHoldDocument> Filter => Builders<MongoCardHoldDocument>.Filter;

    public async Task<PlacedCardHold> PlaceAsync(CardHoldRequest request, CancellationToken cancellationToken)
    {
        PlacedCardHold placed;
        try
        {
            placed = await PlaceOnceAsync(request, cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // A concurrent first report of the same card inserted the hold; this run finds it active.
            placed = await PlaceOnceAsync(request, cancellationToken);
        }

        if (!placed.Hold.AlreadyHeld)
        {
            outbox.NotifyCommitted();
        }

        return placed;
    }

    public async Task<bool> LiftAsync(string serialNumber, DateTimeOffset liftedAt, CancellationToken cancellationToken)
    {
        var result = await database.GetCardHolds().UpdateOneAsync(ActiveHold(serialNumber), Lift(liftedAt), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public Task<bool> IsHeldAsync(string serialNumber, CancellationToken cancellationToken) =>
        database.GetCardHolds().Find(ActiveHold(serialNumber)).AnyAsync(cancellationToken);

    private Task<PlacedCardHold> PlaceOnceAsync(CardHoldRequest request, CancellationToken cancellationToken) =>
        transaction.RunAsync(async (handle, token) =>
        {
            var holds = database.GetCardHolds();
            var active = await holds.Find(handle, ActiveHold(request.SerialNumber)).FirstOrDefaultAsync(token);
            if (active is not null)
            {
                return new PlacedCardHold(new CardHold(active.HoldId, ToInstant(active.PlacedAt), AlreadyHeld: true), []);
            }

            // Replaces a lifted hold of the same card, as the SQLite adapter's upsert does.
            await holds.ReplaceOneAsync(handle, BySerialNumber(request.SerialNumber), Document(request),
                new ReplaceOptions { IsUpsert = true }, token);

            IReadOnlyList<EndedSession> ended = request.PersonId is null
                ? []
                : await MongoSessionRepository.EndOpenSessionsAsync(database, outbox, handle,
                    MongoSessionRepository.OfPerson(request.PersonId), SessionEndReason.CardSuspended, request.PlacedAt, token);
            var suspended = new CardSuspended(request.HoldId, request.PersonId ?? "", request.PlacedAt);
            await outbox.EnqueueAsync(handle, suspended, request.HoldId, token);
            return new PlacedCardHold(new CardHold(request.HoldId, request.PlacedAt, AlreadyHeld: false), ended);
        }, cancellationToken);

    internal static MongoCardHoldDocument Document(CardHoldRequest request) => new()
    {
        SerialNumber = request.SerialNumber,
        HoldId = request.HoldId,
        PersonId = request.PersonId,
        Source = request.Source,
        PlacedAt = ToUtc(request.PlacedAt),
    };

    internal static FilterDefinition<MongoCardHoldDocument> BySerialNumber(string serialNumber) =>
        Filter.Eq(hold => hold.SerialNumber, serialNumber);

    internal static FilterDefinition<MongoCardHoldDocument> ActiveHold(string serialNumber) =>
        BySerialNumber(serialNumber) & Filter.Eq(hold => hold.LiftedAt, null);

    internal static UpdateDefinition<MongoCardHoldDocument> Lift(DateTimeOffset liftedAt) =>
        Builders<MongoCardHoldDocument>.Update.Set(hold => hold.LiftedAt, ToUtc(liftedAt));
}
