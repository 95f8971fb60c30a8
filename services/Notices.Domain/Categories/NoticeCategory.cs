namespace MynaPlatform.Notices.Domain.Categories;

/// <summary>
/// A notice category: a stable ASCII key used in the API and in storage, and the Japanese name
/// shown to the person.
/// </summary>
public sealed record NoticeCategory(string Key, string DisplayName, string Description);
