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
    public async Task TestClockFile_Rewritten_MovesClock()
    {
        var file = Path.Combine(Path.GetTempPath(), $"test-clock-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{}", TestContext.Current.CancellationToken);
        try
        {
            await using var service = await TestService.StartAsync(_ => { },
                new Dictionary<string, string?> { [PlatformConfigurationKeys.TestClockFile] = file });
            var clock = service.App.Services.GetRequiredService<TimeProvider>();
            var before = clock.GetUtcNow() - DateTimeOffset.UtcNow;

            await File.WriteAllTextAsync(file, """{"Platform":{"TestClock":{"Offset":"2.00:00:00"}}}""", TestContext.Current.CancellationToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (clock.GetUtcNow() - DateTimeOffset.UtcNow < TimeSpan.FromDays(1) && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.InRange(before, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
            Assert.InRange(clock.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromDays(1.9), TimeSpan.FromDays(2.1));
        }
        finally
        {
            File.Delete(file);
        }
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
