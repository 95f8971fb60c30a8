using MassTransit;

namespace MynaPlatform.Messaging;

/// <summary>
/// Consumer settings shared by the platform: retries with growing intervals before a message goes
/// to the endpoint's error queue, and MassTransit's in-memory outbox so that a consumer publishes
/// nothing unless it completes.
/// </summary>
public abstract class PlatformConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 2_000, 5_000, 10_000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
