using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.ServiceDefaults.Tests;

public sealed class PlatformClockTests
{
    [Fact]
    public async Task TestClockOffset_OutsideProduction_MovesClock()
    {
        await using var service = await TestService.StartAsync(_ => { },
            new Dictionary<string, string?> { [PlatformConfigurationKeys.TestClockOffset] = "30.00:00:00" });

        var now = service.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.InRange(now - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
    }

    [Fact]
    public async Task TestClockOffset_ChangedAtRunTime_TakesEffect()
    {
        await using var service = await TestService.StartAsync(_ => { });
        var clock = service.App.Services.GetRequiredService<TimeProvider>();

        service.App.Configuration[PlatformConfigurationKeys.TestClockOffset] = "-1.00:00:00";

        Assert.InRange(DateTimeOffset.UtcNow - clock.GetUtcNow(), TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
    }

    [Fact]
    public async Task TestClockOffset_InProduction_FailsAtStart()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => TestService.StartAsync(_ => { },
            new Dictionary<string, string?> { [PlatformConfigurationKeys.TestClockOffset] = "1.00:00:00" }, "Production"));

        Assert.Contains(PlatformConfigurationKeys.TestClockOffset, exception.Message);
    }

    [Fact]
    public async Task Clock_InProduction_IsSystemClock()
    {
        await using var service = await TestService.StartAsync(_ => { }, environment: "Production");

        Assert.Same(TimeProvider.System, service.App.Services.GetRequiredService<TimeProvider>());
    }
}
