namespace MynaPlatform.Portal.SelfInfo;

/// <summary>The search form of あなたの情報, with the words of the search shown, if any.</summary>
public sealed record SelfInfoSearch(string? Query)
{
    /// <summary>The self-info service's limit on the search words, in characters.</summary>
    public const int MaxLength = 100;
}
