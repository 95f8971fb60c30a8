using MassTransit;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Messaging;

namespace MynaPlatform.SessionRevocation;

/// <summary>
/// Adds each ended session to the in-memory revoked set. Adding is idempotent, so a redelivered
/// message needs no inbox.
/// </summary>
public sealed class SessionRevokedConsumer(RevokedSessions sessions) : IConsumer<SessionRevoked>
{
    public Task Consume(ConsumeContext<SessionRevoked> context)
    {
        sessions.Add(context.Message.SessionId, context.Message.RevokedAt);
        return Task.CompletedTask;
    }
}

public sealed class SessionRevokedConsumerDefinition : PlatformConsumerDefinition<SessionRevokedConsumer>
{
    public SessionRevokedConsumerDefinition()
    {
        // Every instance of every validator needs every message, so each gets its own queue, which
        // the broker deletes when the instance stops; the set is loaded again at the next start.
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..8];
            endpoint.Temporary = true;
        });
    }
}
