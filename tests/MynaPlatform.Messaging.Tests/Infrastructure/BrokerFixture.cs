using Xunit;

namespace MynaPlatform.Messaging.Tests.Infrastructure;

/// <summary>One private broker shared by the in-process tests of a class. Each test uses its own queues.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private PrivateBroker? broker;

    public PrivateBroker Broker => broker ?? throw new InvalidOperationException("The broker has not started.");

    public async ValueTask InitializeAsync() => broker = await PrivateBroker.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }
    }
}
