using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Storage;
using OpenIddict.Abstractions;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Creates the database at start and creates or updates the clients named in <c>Tokens:Clients</c>,
/// so a secret the AppHost generated anew replaces the stored one.
/// </summary>
public sealed partial class ClientSeeder(IServiceScopeFactory scopes, IOptions<TokenOptions> options, ILogger<ClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await database.Database.EnsureCreatedAsync(cancellationToken);
        await database.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, client) in options.Value.Clients)
        {
            if (client.Kind is not ClientKind.Card && string.IsNullOrEmpty(client.Secret))
            {
                throw new InvalidOperationException($"Tokens:Clients:{clientId}:Secret is not set. A confidential client needs a secret; the AppHost generates one.");
            }

            var descriptor = ClientRegistrations.Describe(clientId, client);
            var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }

            Log.ClientSeeded(logger, clientId, client.Kind!.Value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ClientSeeded", Level = LogLevel.Information,
            Message = "Client {ClientId} ({Kind}) is registered")]
        public static partial void ClientSeeded(ILogger logger, string clientId, ClientKind kind);
    }
}
