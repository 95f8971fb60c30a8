using Microsoft.Extensions.Options;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

public sealed class GatewayOptionsTests
{
    [Theory]
    [InlineData("AccessLog")]
    [InlineData("access_log")]
    [InlineData("access-")]
    public async Task GatewayOptions_ServiceNameNotKebab_FailsStart(string serviceName)
    {
        await using var gateway = new GatewayFactory(
            new Dictionary<string, string?>
            {
                [$"Gateway:Services:{serviceName}"] = null,
                ["Authentication:Issuer"] = TestTokenIssuer.Issuer,
            },
            new CapturedLogs());
        gateway.UseKestrel();

        var failure = Assert.ThrowsAny<Exception>(gateway.StartServer);

        var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains($"Gateway:Services:{serviceName} is not a valid service name", validation.Message, StringComparison.Ordinal);
    }
}
