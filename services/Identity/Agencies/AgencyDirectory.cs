using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using MynaPlatform.Authentication;
using MynaPlatform.Storage.Sqlite;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Agencies;

/// <summary>
/// Agency clients: their OpenIddict registration (secret, grant, scopes) and their platform record
/// (Japanese display name, 全国地方公共団体コード, and the key of their pairwise person identifiers).
/// </summary>
public sealed class AgencyDirectory(SqliteDatabase database, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public async Task<RegisteredAgency> RegisterAsync(RegisterAgencyRequest request, CancellationToken cancellationToken)
    {
        var (displayName, code, scopes) = AgencyValidation.Validate(request);
        var clientId = $"agency-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));

        await InsertAsync(clientId, displayName, code, cancellationToken);
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
            await DeleteAsync(clientId, CancellationToken.None);
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

        var record = await ReadAsync(clientId, cancellationToken);
        if (record is null)
        {
            var displayName = await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId;
            await InsertAsync(clientId, displayName, null, cancellationToken);
            record = (displayName, null);
        }

        return new Agency(clientId, record.Value.DisplayName, record.Value.Code, scopes);
    }

    /// <summary>Returns the agency's key for its pairwise identifiers; the agency record must exist.</summary>
    internal Task<byte[]> IdentifierKeyAsync(string clientId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT identifier_key FROM agencies WHERE client_id = $clientId;";
            query.Parameters.AddWithValue("$clientId", clientId);
            return await query.ExecuteScalarAsync(cancellationToken) as byte[]
                ?? throw new InvalidOperationException($"Agency {clientId} has no record; call FindAsync first.");
        }, cancellationToken);

    private Task<(string DisplayName, string? Code)?> ReadAsync(string clientId, CancellationToken cancellationToken) =>
        database.ReadAsync<(string, string?)?>(async connection =>
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT display_name, local_government_code FROM agencies WHERE client_id = $clientId;";
            query.Parameters.AddWithValue("$clientId", clientId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }, cancellationToken);

    private Task InsertAsync(string clientId, string displayName, string? code, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var insert = write.CreateCommand("""
                INSERT INTO agencies (client_id, display_name, local_government_code, identifier_key, created_at)
                VALUES ($clientId, $displayName, $code, $key, $now) ON CONFLICT (client_id) DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$clientId", clientId);
            insert.Parameters.AddWithValue("$displayName", displayName);
            insert.Parameters.AddWithValue("$code", SqliteValues.ToDbValue(code));
            insert.Parameters.Add("$key", SqliteType.Blob).Value = RandomNumberGenerator.GetBytes(32);
            insert.Parameters.AddWithValue("$now", SqliteValues.ToText(clock.GetUtcNow()));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task DeleteAsync(string clientId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await using var delete = write.CreateCommand("DELETE FROM agencies WHERE client_id = $clientId;");
            delete.Parameters.AddWithValue("$clientId", clientId);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
