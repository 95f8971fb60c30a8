using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Identity.Tokens;
using MynaPlatform.Storage.Tests;
using OpenIddict.Abstractions;
using Xunit;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Client = OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication;

namespace MynaPlatform.Identity.Tests;

/// <summary>The shared client cache behind OpenIddict's manager, on a real SQLite token store.</summary>
public sealed class SharedClientCacheTests : IAsyncLifetime
{
    private const string ClientId = "portal-test";

    private readonly string _dataDirectory = TestDataDirectory.Create("client-cache");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly ClientQueryCounter _queries = new();
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddDbContext<IdentityDbContext>(options => options
            .UseSqlite($"Data Source={Path.Combine(_dataDirectory, IdentityDbContext.FileName)}")
            .AddInterceptors(_queries)
            .UseOpenIddict());
        services.AddOpenIddict().AddCore(core =>
        {
            core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
            core.UseSharedClientCache();
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await InScopeAsync(async scope =>
        {
            await scope.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync();
            await scope.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(Describe("ポータル"));
        });
        _queries.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDataDirectory.TryDelete(_dataDirectory);
    }

    [Fact]
    public async Task Lookup_LaterRequest_SkipsStore()
    {
        var first = await FindAsync();
        var readsAfterFirst = _queries.Count;
        var second = await FindAsync();

        Assert.Equal(1, readsAfterFirst);
        Assert.Equal(readsAfterFirst, _queries.Count);
        Assert.NotSame(first, second);
        Assert.Equal("ポータル", second.DisplayName);
        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task Lookup_AfterUpdate_SeesNewName()
    {
        await FindAsync();
        await InScopeAsync(async scope =>
        {
            var manager = scope.GetRequiredService<IOpenIddictApplicationManager>();
            var client = await manager.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("The client is missing.");
            await manager.UpdateAsync(client, Describe("新しいポータル"));
        });

        Assert.Equal("新しいポータル", (await FindAsync()).DisplayName);
    }

    [Fact]
    public async Task Lookup_AfterStoreRead_ReturnsTracked()
    {
        await FindAsync();
        await InScopeAsync(async scope =>
        {
            var read = await scope.GetRequiredService<IOpenIddictApplicationStore<Client>>().FindByClientIdAsync(ClientId, CancellationToken.None);
            var found = await scope.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(ClientId);

            Assert.NotNull(read);
            Assert.Same(read, found);
        });
    }

    [Fact]
    public async Task Lookup_AfterDelete_FindsNothing()
    {
        await FindAsync();
        await InScopeAsync(async scope =>
        {
            var manager = scope.GetRequiredService<IOpenIddictApplicationManager>();
            await manager.DeleteAsync(await manager.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("The client is missing."));
        });

        await InScopeAsync(async scope =>
            Assert.Null(await scope.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(ClientId)));
    }

    [Fact]
    public async Task Lookup_AfterLifetime_ReadsStore()
    {
        await FindAsync();
        _clock.Advance(SharedClientEntries.Lifetime + TimeSpan.FromSeconds(1));
        await FindAsync();

        Assert.Equal(2, _queries.Count);
    }

    [Fact]
    public async Task TokenEntry_FoundClient_ReadsNoClient()
    {
        await FindAsync();
        await InScopeAsync(async scope =>
        {
            var clients = scope.GetRequiredService<IOpenIddictApplicationManager>();
            var tokens = scope.GetRequiredService<IOpenIddictTokenManager>();
            var client = await clients.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("The client is missing.");
            var clientId = await clients.GetIdAsync(client);
            var token = await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                ApplicationId = clientId,
                Subject = "person-1",
                Type = TokenTypeHints.RefreshToken,
                Status = Statuses.Valid,
            });

            Assert.Equal(clientId, await tokens.GetApplicationIdAsync(token));
        });

        Assert.Equal(1, _queries.Count);
    }

    [Fact]
    public void Add_AfterRemovalDuringRead_KeepsNothing()
    {
        var entries = new SharedClientEntries(_clock);
        var versionBeforeRead = entries.Version;
        entries.Remove(ClientId);
        entries.Add(ClientId, new Client { Id = "1", ClientId = ClientId }, versionBeforeRead);

        Assert.False(entries.TryGet(ClientId, out _));
    }

    [Fact]
    public void Copy_KeepsEveryStoredValue()
    {
        var original = new Client();
        var stored = typeof(Client).GetProperties().Where(property => property.PropertyType == typeof(string)).ToList();
        foreach (var property in stored)
        {
            property.SetValue(original, $"value of {property.Name}");
        }

        var copy = SharedClientEntries.Copy(original);

        // Every other property is a navigation, which a copy leaves empty.
        var others = typeof(Client).GetProperties().Except(stored).Select(property => property.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["Authorizations", "Tokens"], others);
        Assert.All(stored, property => Assert.Equal(property.GetValue(original), property.GetValue(copy)));
    }

    private static OpenIddictApplicationDescriptor Describe(string displayName)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            DisplayName = displayName,
            ClientType = ClientTypes.Public,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        return descriptor;
    }

    /// <summary>Looks the client up the way a token request does: through the manager, in a request scope of its own.</summary>
    private async Task<Client> FindAsync()
    {
        Client? found = null;
        await InScopeAsync(async scope =>
            found = (Client?)await scope.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(ClientId));
        return found ?? throw new InvalidOperationException("The client is missing.");
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Counts the commands that read the clients' table.</summary>
    private sealed class ClientQueryCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Volatile.Write(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"OpenIddictApplications\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
