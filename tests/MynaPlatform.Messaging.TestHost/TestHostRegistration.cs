using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MynaPlatform.Storage;

namespace MynaPlatform.Messaging.TestHost;

public static class TestHostRegistration
{
    /// <summary>
    /// Registers storage, messaging and the role's parts exactly as a service does: the consumer's
    /// queue is named after <paramref name="serviceName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTestHost(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TestHostOptions.SectionName).Get<TestHostOptions>() ?? new TestHostOptions();
        builder.Services.Configure<TestHostOptions>(builder.Configuration.GetSection(TestHostOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddPlatformStorage(serviceName)
            .AddSqliteSchema(TestHostSchema.Script)
            .AddPlatformMessaging(builder, serviceName, bus =>
            {
                if (options.Consumes)
                {
                    bus.AddConsumer<TestEventConsumer, TestEventConsumerDefinition>();
                }
            });

        if (options.Publishes)
        {
            builder.Services.AddSingleton<EventEmitter>();
            builder.Services.AddHostedService(services => services.GetRequiredService<EventEmitter>());
        }

        return builder;
    }

    /// <summary>
    /// Prints <c>READY</c> once the bus has connected and its receive endpoints listen, and returns
    /// whether that happened within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> ReportReadyAsync(this IHost host, TimeSpan timeout)
    {
        var bus = host.Services.GetRequiredService<IBusControl>();
        var health = await bus.WaitForHealthStatus(BusHealthStatus.Healthy, timeout);
        Console.WriteLine(health == BusHealthStatus.Healthy ? "READY" : $"NOT READY: the bus is {health}");
        return health == BusHealthStatus.Healthy;
    }
}
