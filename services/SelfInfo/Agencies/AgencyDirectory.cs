using Grpc.Core;
using MynaPlatform.Identity.Grpc;

namespace MynaPlatform.SelfInfo.Agencies;

/// <summary>The identity service's view of agencies: their names, and the PersonId behind an agency's own identifier.</summary>
internal sealed class AgencyDirectory(global::MynaPlatform.Identity.Grpc.Agencies.AgenciesClient client)
{
    /// <summary>Returns the PersonId, or null when the agency holds no such identifier.</summary>
    public async Task<string?> ResolvePersonAsync(string agencyClientId, string agencyPersonId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.ResolvePersonAsync(
                new ResolvePersonRequest { AgencyClientId = agencyClientId, AgencyPersonId = agencyPersonId },
                cancellationToken: cancellationToken);
            return response.PersonId;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Returns the agency's display name, or null when the client is not a registered agency.</summary>
    public async Task<string?> GetDisplayNameAsync(string agencyClientId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetAgencyAsync(new GetAgencyRequest { ClientId = agencyClientId }, cancellationToken: cancellationToken);
            return response.DisplayName;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
