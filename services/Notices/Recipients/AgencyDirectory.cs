using System.Collections.Concurrent;
using Grpc.Core;
using MynaPlatform.Identity.Grpc;

namespace MynaPlatform.Notices.Recipients;

/// <summary>
/// The identity service's view of agencies: their names, and the PersonId behind each agency's own
/// identifier of a person. Names are cached for the life of the process.
/// </summary>
public sealed class AgencyDirectory(Agencies.AgenciesClient agencies)
{
    private readonly ConcurrentDictionary<string, string> displayNames = new(StringComparer.Ordinal);

    public async Task<string> GetDisplayNameAsync(string agencyClientId, CancellationToken cancellationToken)
    {
        if (displayNames.TryGetValue(agencyClientId, out var cached))
        {
            return cached;
        }

        try
        {
            var agency = await agencies.GetAgencyAsync(new GetAgencyRequest { ClientId = agencyClientId }, cancellationToken: cancellationToken);
            return displayNames[agencyClientId] = agency.DisplayName;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            // A seeded client that is not a registered agency (such as the test agency) shows its client id.
            return displayNames[agencyClientId] = agencyClientId;
        }
    }

    /// <summary>Resolves every identifier in one call; the result has an entry only for those found.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        string agencyClientId, IReadOnlyCollection<string> agencyPersonIds, CancellationToken cancellationToken)
    {
        if (agencyPersonIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var request = new ResolvePersonsRequest { AgencyClientId = agencyClientId };
        request.AgencyPersonIds.AddRange(agencyPersonIds);
        var response = await agencies.ResolvePersonsAsync(request, cancellationToken: cancellationToken);
        return response.Results.Where(result => result.Found)
            .ToDictionary(result => result.AgencyPersonId, result => result.PersonId, StringComparer.Ordinal);
    }
}
