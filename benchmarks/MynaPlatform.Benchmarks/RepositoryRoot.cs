namespace MynaPlatform.Benchmarks;

/// <summary>The checkout the benchmark runs from, and the build configuration its projects are expected in.</summary>
public static class RepositoryRoot
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MynaPlatform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new BenchmarkException($"No MynaPlatform.sln above {AppContext.BaseDirectory}: run the benchmarks from a checkout.");
    }
}
