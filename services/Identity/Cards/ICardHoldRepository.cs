using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;

namespace MynaPlatform.Identity.Cards;

/// <summary>A hold to place on a card's login certificate, with the id it gets if no hold is active.</summary>
public sealed record CardHoldRequest(string SerialNumber, string HoldId, string? PersonId, string Source, DateTimeOffset PlacedAt);

/// <summary>The hold in force after a report, and the sessions that the report ended.</summary>
public sealed record PlacedCardHold(CardHold Hold, IReadOnlyList<EndedSession> EndedSessions);

/// <summary>Lost-card holds by login certificate serial number, on SQLite or MongoDB.</summary>
public interface ICardHoldRepository
{
    /// <summary>
    /// Returns the active hold of the serial number unchanged, or places the requested one: in one
    /// transaction it stores the hold, ends every open session of the person (one
    /// <see cref="SessionRevoked"/> each) and writes <see cref="CardSuspended"/> to the outbox.
    /// </summary>
    Task<PlacedCardHold> PlaceAsync(CardHoldRequest request, CancellationToken cancellationToken);

    /// <summary>Lifts the active hold of the serial number; returns false when there was none.</summary>
    Task<bool> LiftAsync(string serialNumber, DateTimeOffset liftedAt, CancellationToken cancellationToken);

    Task<bool> IsHeldAsync(string serialNumber, CancellationToken cancellationToken);
}
