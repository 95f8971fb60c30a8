using System.Security.Cryptography;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Sessions;

namespace MynaPlatform.Identity.Cards;

/// <summary>A hold on a card's login certificate, whether new or found active.</summary>
public sealed record CardHold(string HoldId, DateTimeOffset PlacedAt, bool AlreadyHeld);

/// <summary>
/// Lost-card holds by login certificate serial number. Placing a hold, ending the person's sessions
/// (one <see cref="SessionRevoked"/> each) and <see cref="CardSuspended"/> commit in one transaction.
/// </summary>
public sealed class CardHoldStore(ICardHoldRepository repository, SessionStore sessions, TimeProvider clock)
{
    /// <summary>Places a hold, or returns the active one unchanged, so a repeated report has no second effect.</summary>
    public async Task<CardHold> PlaceAsync(string serialNumber, string? personId, string source, CancellationToken cancellationToken)
    {
        var holdId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var placed = await repository.PlaceAsync(
            new CardHoldRequest(serialNumber, holdId, personId, source, clock.GetUtcNow()), cancellationToken);

        sessions.Remember(placed.EndedSessions);
        return placed.Hold;
    }

    /// <summary>Lifts the active hold of the serial number; returns false when there was none.</summary>
    public Task<bool> LiftAsync(string serialNumber, CancellationToken cancellationToken) =>
        repository.LiftAsync(serialNumber, clock.GetUtcNow(), cancellationToken);

    public Task<bool> IsHeldAsync(string serialNumber, CancellationToken cancellationToken) =>
        repository.IsHeldAsync(serialNumber, cancellationToken);
}
