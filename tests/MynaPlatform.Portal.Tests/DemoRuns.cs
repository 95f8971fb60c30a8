using System.Text.Json;
using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Seeding;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// Runs the demo seeder against the test platform. Each test gets its own demo folder (its own
/// <c>platform.env</c> and card), so its agencies and resident are its own.
/// </summary>
public static class DemoRuns
{
    public static async Task<DemoSettings> NewSettingsAsync(PlatformFixture platform)
    {
        var folder = Path.Combine(platform.DataDirectory, $"demo-{Guid.NewGuid():N}");
        var gateway = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint);
        return new DemoSettings(
            gateway,
            platform.App.GetEndpoint(ResourceNames.JpkiSimulator, ResourceNames.HttpEndpoint),
            gateway,
            TokenClient.OperatorClientId,
            await platform.ParameterValueAsync("operator-client-secret"),
            PlatformEnvFile.PathIn(folder),
            DemoSettings.DefaultCardPath(folder));
    }

    public static async Task<DemoResult> RunAsync(DemoSettings settings)
    {
        using var progress = new StringWriter();
        try
        {
            return await new DemoSeeder(settings, new DemoText(Japanese: true), progress).RunAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(progress.ToString());
        }
    }

    /// <summary>Logs the demo resident in with the card and returns the access token.</summary>
    public static async Task<string> LoginAsync(this PlatformFixture platform, DemoResult demo)
    {
        var login = await platform.RunCardAsync("login", "--card", demo.CardPath, "--pin", demo.Pin);
        Assert.True(login.ExitCode == 0, $"myna-card login failed: {login.Error}");
        return login.LastLine;
    }

    /// <summary>Sends a GET with the token through the gateway and returns the JSON body, failing the test on any status other than 200.</summary>
    public static async Task<JsonElement> GetJsonAsync(this PlatformFixture platform, string path, string token)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
