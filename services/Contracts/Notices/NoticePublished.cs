namespace MynaPlatform.Contracts.Notices;

/// <summary>
/// Published through the notices service's outbox once per notice, when it becomes visible in the
/// person's inbox: at the push, or when its scheduled publish time comes. It carries ids only,
/// never the title or body; a consumer that needs the content reads it from the notices service.
/// </summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="PersonId">The recipient.</param>
/// <param name="AgencyClientId">The agency client that pushed it.</param>
/// <param name="Category">The category key, such as <c>tax</c>.</param>
/// <param name="PublishedAt">When the notice became visible (UTC instant).</param>
public sealed record NoticePublished(Guid NoticeId, string PersonId, string AgencyClientId, string Category, DateTimeOffset PublishedAt);
