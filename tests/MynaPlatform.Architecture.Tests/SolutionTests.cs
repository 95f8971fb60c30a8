using Xunit;

namespace MynaPlatform.Architecture.Tests;

public sealed class SolutionTests
{
    /// <summary>
    /// A project missing from the solution is never built, so test.sh would find a test project it
    /// cannot run, and a service would be left out of the build.
    /// </summary>
    [Fact]
    public void Solution_ListsEveryProject()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "MynaPlatform.sln")).Replace('\\', '/');

        var missing = RepositoryFiles.Find("*.csproj")
            .Select(path => RepositoryFiles.Relative(path).Replace('\\', '/'))
            .Where(path => !solution.Contains($"\"{path}\"", StringComparison.Ordinal));

        Assert.Empty(missing);
    }
}
