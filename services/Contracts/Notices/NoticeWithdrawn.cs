namespace MynaPlatform.Contracts.Notices;

/// <summary>
/// Published once per notice that its agency withdrew before the person read it. The notice leaves
/// the inbox; a consumer that delivered it elsewhere withdraws it there too.
/// </summary>
/// <param name="WithdrawnAt">When the agency withdrew the notice (UTC instant).</param>
public sealed record NoticeWithdrawn(Guid NoticeId, string PersonId, string AgencyClientId, DateTimeOffset WithdrawnAt);
