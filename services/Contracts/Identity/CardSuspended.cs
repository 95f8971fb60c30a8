namespace MynaPlatform.Contracts.Identity;

/// <summary>
/// Published through the identity service's outbox when a lost card is put on hold (一時保留).
/// Services that act for the person (proxies, linked sites) suspend what depends on the card.
/// </summary>
/// <param name="HoldId">Id of the hold; a repeated report of the same card carries no new event.</param>
/// <param name="PersonId">Opaque platform id of the card holder, or empty when the holder has no account yet.</param>
/// <param name="SuspendedAt">When the hold was recorded (UTC instant).</param>
public sealed record CardSuspended(string HoldId, string PersonId, DateTimeOffset SuspendedAt);
