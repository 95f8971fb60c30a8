using Grpc.Core;
using MynaPlatform.Identity.Agencies;

namespace MynaPlatform.Identity.Grpc;

/// <summary>Serves agency details and identifier resolution to the platform's services.</summary>
public sealed class AgencyService(AgencyDirectory agencies, AgencyEnrollment enrollment) : Agencies.AgenciesBase
{
    // The largest notice batch resolves its recipients in one call.
    public const int MaxBatchSize = 10_000;

    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var agency = await agencies.FindAsync(Require(request.ClientId, "client_id"), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No agency client has this client_id."));

        var response = new GetAgencyResponse
        {
            ClientId = agency.ClientId,
            DisplayName = agency.DisplayName,
            LocalGovernmentCode = agency.LocalGovernmentCode ?? "",
        };
        response.Scopes.AddRange(agency.Scopes);
        return response;
    }

    public override async Task<ResolvePersonResponse> ResolvePerson(ResolvePersonRequest request, ServerCallContext context)
    {
        var agencyPersonId = Require(request.AgencyPersonId, "agency_person_id");
        var found = await enrollment.ResolveAsync(Require(request.AgencyClientId, "agency_client_id"), [agencyPersonId], context.CancellationToken);
        return found.TryGetValue(agencyPersonId, out var personId)
            ? new ResolvePersonResponse { PersonId = personId }
            : throw new RpcException(new Status(StatusCode.NotFound, "agency_person_id was not found among the identifiers of this agency."));
    }

    public override async Task<ResolvePersonsResponse> ResolvePersons(ResolvePersonsRequest request, ServerCallContext context)
    {
        var clientId = Require(request.AgencyClientId, "agency_client_id");
        if (request.AgencyPersonIds.Count > MaxBatchSize)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"agency_person_ids has more than {MaxBatchSize} entries; split the batch."));
        }

        var found = await enrollment.ResolveAsync(clientId, request.AgencyPersonIds, context.CancellationToken);
        var response = new ResolvePersonsResponse();
        response.Results.AddRange(request.AgencyPersonIds.Select(id => new ResolvedPerson
        {
            AgencyPersonId = id,
            Found = found.ContainsKey(id),
            PersonId = found.GetValueOrDefault(id) ?? "",
        }));
        return response;
    }

    private static string Require(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is missing.")) : value;
}
