using System.Collections.Concurrent;
using Grpc.Core;
using MynaPlatform.Identity.Grpc;

namespace MynaPlatform.AccessLog.Agencies;

/// <summary>The result of resolving an agency's identifier of a person.</summary>
public enum PersonResolution
{
    Found,
    NotEnrolled,
}

/// <summary>
/// Agency lookups in the identity service: display names (kept for a while, because names change
/// rarely) and the PersonId behind an agency's own identifier of a person.
/// </summary>
public sealed partial class AgencyDirectoryClient(
    Identity.Grpc.Agencies.AgenciesClient client, TimeProvider clock, ILogger<AgencyDirectoryClient> logger)
{
    private static readonly TimeSpan NameLifetime = TimeSpan.FromMinutes(10);

    // ReadAt is a timestamp of the clock's monotonic counter, so a wall clock moved back does not keep a name for longer.
    private readonly ConcurrentDictionary<string, (string Name, long ReadAt)> _names = new(StringComparer.Ordinal);

    /// <summary>Returns the agency's display name, or null when no agency has this id.</summary>
    /// <exception cref="RpcException">The identity service failed or could not be reached.</exception>
    public async Task<string?> FindNameAsync(string agencyId, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_names.TryGetValue(agencyId, out var cached) && clock.GetElapsedTime(cached.ReadAt, now) < NameLifetime)
        {
            return cached.Name;
        }

        string? name;
        try
        {
            var agency = await client.GetAgencyAsync(new GetAgencyRequest { ClientId = agencyId }, cancellationToken: cancellationToken);
            name = agency.DisplayName;
        }
        catch (RpcException failure) when (failure.StatusCode == StatusCode.NotFound)
        {
            name = null;
        }

        // Only a found name is kept: an agency registered after a rejected push must be found on the next one.
        if (name is not null)
        {
            _names[agencyId] = (name, now);
        }

        return name;
    }

    /// <summary>Returns the display names of the given agencies; a name that cannot be read now is left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindNamesAsync(IEnumerable<string> agencyIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agencyId in agencyIds.Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (await FindNameAsync(agencyId, cancellationToken) is { } name)
                {
                    names[agencyId] = name;
                }
            }
            catch (RpcException failure)
            {
                Log.NameLookupFailed(logger, failure.StatusCode);
            }
        }

        return names;
    }

    /// <exception cref="RpcException">The identity service failed or could not be reached.</exception>
    public async Task<(PersonResolution Resolution, string? PersonId)> ResolvePersonAsync(
        string agencyId, string agencyPersonId, CancellationToken cancellationToken)
    {
        try
        {
            var resolved = await client.ResolvePersonAsync(
                new ResolvePersonRequest { AgencyClientId = agencyId, AgencyPersonId = agencyPersonId }, cancellationToken: cancellationToken);
            return (PersonResolution.Found, resolved.PersonId);
        }
        catch (RpcException failure) when (failure.StatusCode == StatusCode.NotFound)
        {
            return (PersonResolution.NotEnrolled, null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "AgencyNameLookupFailed", Level = LogLevel.Warning,
            Message = "Reading an agency's name from the identity service failed with {StatusCode}; the record is shown without it")]
        public static partial void NameLookupFailed(ILogger logger, StatusCode statusCode);
    }
}
