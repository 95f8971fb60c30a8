using System.Globalization;
using Grpc.Core;
using MynaPlatform.Identity.Sessions;

namespace MynaPlatform.Identity.Grpc;

/// <summary>Serves the ended sessions to the gateway and the services at their start.</summary>
public sealed class SessionRevocationService(SessionStore sessions) : SessionRevocations.SessionRevocationsBase
{
    public override async Task<ListRevokedSessionsResponse> ListRevokedSessions(ListRevokedSessionsRequest request, ServerCallContext context)
    {
        if (!DateTimeOffset.TryParse(request.RevokedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "revoked_since must be a UTC instant in ISO 8601."));
        }

        var revoked = await sessions.ListAsync(since, context.CancellationToken);
        var response = new ListRevokedSessionsResponse();
        response.Sessions.AddRange(revoked.Select(session => new RevokedSessionEntry
        {
            SessionId = session.SessionId,
            RevokedAt = session.RevokedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }));
        return response;
    }
}
