namespace MynaPlatform.Hosting;

/// <summary>Configuration keys that the AppHost sets on every service.</summary>
public static class PlatformConfigurationKeys
{
    /// <summary>Folder that holds every file the platform writes (SQLite files, keys, the broker).</summary>
    public const string DataDirectory = "Platform:DataDirectory";

    /// <summary>Storage provider of a service: <c>Sqlite</c> or <c>MongoDb</c>.</summary>
    public const string StorageProvider = "Storage:Provider";

    /// <summary>
    /// Test-only clock offset as a .NET time span (for example <c>1.00:00:00</c>); honoured only
    /// outside the Production environment.
    /// </summary>
    public const string TestClockOffset = "Platform:TestClock:Offset";

    /// <summary>
    /// Test-only JSON file that is read again whenever it changes, so a test can move one running
    /// service's clock by writing <c>{"Platform":{"TestClock":{"Offset":"..."}}}</c> to it.
    /// Honoured only outside the Production environment.
    /// </summary>
    public const string TestClockFile = "Platform:TestClock:File";
}
