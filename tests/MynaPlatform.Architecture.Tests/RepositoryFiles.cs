namespace MynaPlatform.Architecture.Tests;

/// <summary>The repository's own source files, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<string> Find(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories)
            .Where(path => !IsGenerated(Path.GetRelativePath(Root, path)));

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static bool IsGenerated(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar) is var parts
        && (parts.Contains("bin") || parts.Contains("obj") || parts[0].StartsWith('.'));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MynaPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MynaPlatform.sln was not found above the test's output folder.");
    }
}
