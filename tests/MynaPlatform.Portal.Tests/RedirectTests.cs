using System.Net;
using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>Redirects of a signed-out browser, which must keep it on the gateway's address.</summary>
public sealed class RedirectTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/notices")]
    [InlineData("/access-log?handler=csv")]
    public async Task SignedOut_RedirectsToLoginOnGateway(string path)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint) };

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var location = response.Headers.Location;
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.NotNull(location);
        Assert.False(location.IsAbsoluteUri, $"The redirect names a host: {location}");
        Assert.StartsWith("/login?returnUrl=", location.OriginalString);
    }
}
