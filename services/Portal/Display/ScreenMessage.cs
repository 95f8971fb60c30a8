namespace MynaPlatform.Portal.Display;

/// <summary>A message shown on a screen: what happened, and what the person can do next.</summary>
public sealed record ScreenMessage(string Title, string NextStep);
