using System.Globalization;
using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Identity.Grpc;

namespace MynaPlatform.SessionRevocation;

/// <summary>Reads the ended sessions from the identity service over gRPC.</summary>
public sealed class GrpcRevokedSessionSource(SessionRevocations.SessionRevocationsClient client) : IRevokedSessionSource
{
    public async Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var response = await client.ListRevokedSessionsAsync(
            new ListRevokedSessionsRequest { RevokedSince = since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken);

        return [.. response.Sessions.Select(session => new RevokedSession(
            session.SessionId, DateTimeOffset.Parse(session.RevokedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))];
    }
}
