using System.Net;
using System.Net.Http.Json;
using System.Text;
using MynaPlatform.Hosting;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// Scans every file the platform wrote (databases, WAL files, outbox rows, broker files, logs) for
/// individual numbers in clear. The simulator's store (it is J-LIS) and the virtual card files the
/// tests wrote are excepted, because they hold the numbers by design.
/// </summary>
public sealed class DataFolderScanTests(PlatformFixture platform)
{
    [Fact]
    public async Task DataFolder_NoIndividualNumberInClear()
    {
        var card = await platform.IssueCardAsync();
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        await EnrollWithTestAgencyAsync(CardStore.Load(card).IndividualNumber);
        var report = await platform.RunCardAsync("report-lost", "--card", card);
        Assert.True(report.ExitCode == 0, report.Error);

        var numbers = CardFiles().Select(path => CardStore.Load(path).IndividualNumber).Distinct().ToList();
        var found = ScannedFiles()
            .SelectMany(path => numbers.Where(number => Contains(path, number)).Select(_ => Relative(path)))
            .Distinct()
            .ToList();
        string[] resources = [ResourceNames.Gateway, ResourceNames.Identity, ResourceNames.Notices, ResourceNames.AccessLog, ResourceNames.JpkiSimulator];
        var inLogs = resources.Where(resource => numbers.Any(platform.LogOf(resource).Contains)).ToList();

        Assert.NotEmpty(numbers);
        Assert.True(found.Count == 0, $"Individual numbers in clear in: {string.Join(", ", found)}");
        Assert.True(inLogs.Count == 0, $"Individual numbers in the captured logs of: {string.Join(", ", inLogs)}");
    }

    private async Task EnrollWithTestAgencyAsync(string number)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/partner/enrollments")
        {
            Content = JsonContent.Create(new { individualNumber = number }),
        }.WithBearer(await platform.GetAgencyTokenAsync());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IEnumerable<string> CardFiles() =>
        Directory.EnumerateFiles(platform.DataDirectory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(path => Path.GetFileName(path).StartsWith("card-", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("renewed-", StringComparison.Ordinal));

    private IEnumerable<string> ScannedFiles()
    {
        var cards = CardFiles().ToHashSet(StringComparer.Ordinal);
        var simulator = Path.Combine(platform.DataDirectory, "jpki-simulator") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(platform.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(path => !cards.Contains(path) && !path.StartsWith(simulator, StringComparison.Ordinal));
    }

    private static bool Contains(string path, string number)
    {
        byte[] content;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            content = memory.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file deleted or locked between listing and reading (a broker segment rolling over).
            return false;
        }

        return content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(number)) >= 0
            || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(number)) >= 0;
    }

    private string Relative(string path) => Path.GetRelativePath(platform.DataDirectory, path);
}
