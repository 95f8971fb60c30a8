namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>A failure of the demo with a message for the user, in the user's language.</summary>
public sealed class DemoException(string message, bool platformUnreachable = false, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the platform could not be reached, so the user should start it first.</summary>
    public bool PlatformUnreachable { get; } = platformUnreachable;
}
