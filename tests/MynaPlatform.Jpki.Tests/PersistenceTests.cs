using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("jpki-persist-");

    [Fact]
    public async Task CaCertificates_Restart_StayTheSame()
    {
        byte[] before;
        await using (var first = SimulatorFixture.Start(_dataDirectory.FullName))
        {
            using var http = new HttpClient { BaseAddress = SimulatorFixture.AddressOf(first), Timeout = TimeSpan.FromSeconds(30) };
            before = await http.GetByteArrayAsync("/ca/login.cer", TestContext.Current.CancellationToken);
        }

        await using var second = SimulatorFixture.Start(_dataDirectory.FullName);
        using var client = new HttpClient { BaseAddress = SimulatorFixture.AddressOf(second), Timeout = TimeSpan.FromSeconds(30) };
        var after = await client.GetByteArrayAsync("/ca/login.cer", TestContext.Current.CancellationToken);

        Assert.Equal(before, after);
        Assert.True(File.Exists(Path.Combine(_dataDirectory.FullName, "jpki-simulator", "authorities", "login.key")));
    }

    [Fact]
    public void Start_NoDataDirectory_FailsNamingSetting()
    {
        var failure = Assert.ThrowsAny<Exception>(() => SimulatorFixture.Start(""));

        Assert.Contains("Platform:DataDirectory", failure.ToString());
    }

    public void Dispose() => _dataDirectory.Delete(recursive: true);
}
