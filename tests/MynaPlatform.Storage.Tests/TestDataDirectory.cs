namespace MynaPlatform.Storage.Tests;

/// <summary>Fresh folders under the test run's data folder (<c>MYNA_TEST_DATA_DIR</c>, or the temp folder).</summary>
internal static class TestDataDirectory
{
    public static string Create(string purpose)
    {
        var root = Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath();
        var directory = Path.Combine(root, "storage-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Deletes a folder made by <see cref="Create"/>. A failure only leaves it for the temp folder's cleanup.</summary>
    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
