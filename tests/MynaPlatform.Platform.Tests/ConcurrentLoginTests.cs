using System.Text.Json;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class ConcurrentLoginTests(PlatformFixture platform)
{
    private const int Logins = 20;

    [Fact]
    public async Task FirstLogins_Concurrent_OneAccount()
    {
        var card = await platform.IssueCardAsync();

        var logins = await Task.WhenAll(Enumerable.Range(0, Logins)
            .Select(_ => platform.RunCardAsync("login", "--card", card, "--pin", "1234")));

        Assert.All(logins, login => Assert.True(login.ExitCode == 0, login.Error));
        var personIds = await Task.WhenAll(logins.Select(login => PersonIdAsync(login.LastLine)));
        Assert.Single(personIds.Distinct());
    }

    private async Task<string> PersonIdAsync(string token)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/session").WithBearer(token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("personId").GetString()!;
    }
}
