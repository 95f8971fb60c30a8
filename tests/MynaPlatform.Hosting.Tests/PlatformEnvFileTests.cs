using System.Runtime.Versioning;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Hosting.Tests;

public sealed class PlatformEnvFileTests : IDisposable
{
    private readonly string directory = Path.Combine(
        Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath(), $"env-{Guid.NewGuid():N}");

    private string FilePath => PlatformEnvFile.PathIn(directory);

    [Fact]
    public void Set_NewFile_WritesEntries()
    {
        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["GATEWAY_URL"] = "http://127.0.0.1:5080" });

        Assert.Equal("GATEWAY_URL=http://127.0.0.1:5080\n", File.ReadAllText(FilePath));
    }

    [Fact]
    public void Set_ExistingKeys_ReplacesAndKeepsOthers()
    {
        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" });

        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["B"] = "3", ["C"] = "4" });

        var entries = PlatformEnvFile.Read(FilePath);
        Assert.Equal("1", entries["A"]);
        Assert.Equal("3", entries["B"]);
        Assert.Equal("4", entries["C"]);
        Assert.Equal(3, entries.Count);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Set_AnyWrite_LeavesOwnerOnlyMode()
    {
        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["SECRET"] = "x" });

        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["OTHER"] = "y" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void Set_ValueWithLineBreak_IsRejectedAndFileUnchanged()
    {
        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["A"] = "1" });

        Assert.Throws<ArgumentException>(() =>
            PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["B"] = "2\nC=3" }));

        Assert.Equal("A=1\n", File.ReadAllText(FilePath));
    }

    [Fact]
    public void Read_ValueWithEqualsSign_KeepsWholeValue()
    {
        PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { ["DASHBOARD_URL"] = "http://localhost:18888/login?t=abc=" });

        Assert.Equal("http://localhost:18888/login?t=abc=", PlatformEnvFile.Read(FilePath)["DASHBOARD_URL"]);
    }

    [Fact]
    public void Read_MissingFile_ReturnsEmpty()
    {
        Assert.Empty(PlatformEnvFile.Read(FilePath));
    }

    [Fact]
    public async Task Set_ConcurrentWriters_KeepEveryKey()
    {
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            PlatformEnvFile.Set(FilePath, new Dictionary<string, string> { [$"KEY_{i}"] = i.ToString() })));

        await Task.WhenAll(writers);

        Assert.Equal(20, PlatformEnvFile.Read(FilePath).Count);
    }

    [Fact]
    public void FindValue_FromSubfolder_ReadsNearestFile()
    {
        var checkout = Path.Combine(directory, "checkout");
        var subfolder = Path.Combine(checkout, "tools", "deep");
        Directory.CreateDirectory(subfolder);
        PlatformEnvFile.Set(Path.Combine(checkout, PlatformEnvFile.RelativePath), new Dictionary<string, string> { ["GATEWAY_URL"] = "http://127.0.0.1:5080" });

        Assert.Equal("http://127.0.0.1:5080", PlatformEnvFile.FindValue(subfolder, "GATEWAY_URL"));
    }

    [Fact]
    public void FindValue_MissingKey_ReturnsNull()
    {
        PlatformEnvFile.Set(Path.Combine(directory, PlatformEnvFile.RelativePath), new Dictionary<string, string> { ["OTHER"] = "x" });

        Assert.Null(PlatformEnvFile.FindValue(directory, "GATEWAY_URL"));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
