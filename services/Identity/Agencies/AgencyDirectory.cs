using System.Security.Cryptography;
using MynaPlatform.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Agencies;

/// <summary>
/// Agency clients: their OpenIddict registration (secret, grant, scopes) and their platform record
/// (Japanese display name, 全国地方公共団体コード, and the key of their pairwise person identifiers).
/// </summary>
public sealed class AgencyDirectory(IAgencyRepository repository, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public async Task<RegisteredAgency> RegisterAsync(RegisterAgencyRequest request, CancellationToken cancellationToken)
    {
        var (displayName, code, scopes) = AgencyValidation.Validate(request);
        var clientId = $"agency-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));

        await AddRecordAsync(clientId, displayName, code, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes.Prepend(PlatformScopes.Partner))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch
        {
            // Keeps the two stores in step: no agency row without its client.
            await repository.DeleteAsync(clientId, CancellationToken.None);
            throw;
        }

        return new RegisteredAgency(clientId, secret, displayName, code, scopes);
    }

    /// <summary>Returns the agency, creating the platform record of a client seeded from configuration; null for any other client.</summary>
    public async Task<Agency?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var scopes = permissions
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..])
            .ToList();
        if (!scopes.Contains(PlatformScopes.Partner))
        {
            return null;
        }

        var record = await repository.FindAsync(clientId, cancellationToken);
        if (record is null)
        {
            var displayName = await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId;
            record = await AddRecordAsync(clientId, displayName, null, cancellationToken);
        }

        return new Agency(clientId, record.DisplayName, record.LocalGovernmentCode, scopes);
    }

    /// <summary>Returns the agency's key for its pairwise identifiers; the agency record must exist.</summary>
    internal async Task<byte[]> IdentifierKeyAsync(string clientId, CancellationToken cancellationToken)
    {
        var record = await repository.FindAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"Agency {clientId} has no record; call FindAsync first.");
        return record.IdentifierKey;
    }

    private Task<AgencyRecord> AddRecordAsync(string clientId, string displayName, string? code, CancellationToken cancellationToken) =>
        repository.AddIfMissingAsync(
            new AgencyRecord(clientId, displayName, code, RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow(), cancellationToken);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
