namespace MynaPlatform.Contracts.Notices;

/// <summary>Published once per notice, when the person opens it for the first time.</summary>
/// <param name="ReadAt">When the person first opened the notice (UTC instant).</param>
public sealed record NoticeRead(Guid NoticeId, string PersonId, string AgencyClientId, DateTimeOffset ReadAt);
