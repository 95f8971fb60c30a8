namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>Fresh folders under the test run's data folder (<c>MYNA_TEST_DATA_DIR</c>, or the temp folder).</summary>
internal static class TestDataDirectory
{
    public static string Create(string purpose)
    {
        var root = Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath();
        var directory = Path.Combine(root, "messaging-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
