using MassTransit;
using MynaPlatform.Hosting;

namespace MynaPlatform.Messaging;

/// <summary>Restores the publishing request's correlation id for the duration of a consume.</summary>
public sealed class CorrelationConsumeFilter<TMessage> : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var incoming = context.Headers.Get<string>(CorrelationId.HeaderName);
        CorrelationId.Current = CorrelationId.IsValid(incoming) ? incoming : CorrelationId.NewId();
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
