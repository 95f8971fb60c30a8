using System.Collections.Concurrent;
using MynaPlatform.Identity.Storage;
using OpenIddict.Abstractions;
using Client = OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication;

namespace MynaPlatform.Identity.Tokens;

public static class SharedClientCacheRegistration
{
    /// <summary>
    /// Replaces OpenIddict's client cache, which lives for one request, with <see cref="SharedClientCache"/>,
    /// whose entries the whole process shares.
    /// </summary>
    public static OpenIddictCoreBuilder UseSharedClientCache(this OpenIddictCoreBuilder core)
    {
        core.Services.AddSingleton<SharedClientEntries>();
        core.Services.AddScoped<IOpenIddictApplicationCache<Client>, SharedClientCache>();
        return core;
    }
}

/// <summary>
/// Finds clients by client_id for OpenIddict, keeping each one found for the whole process. OpenIddict's
/// own cache is created for each request, so every token request read its client from the token store
/// again. A request gets its own copy of a kept client, tracked by the request's DbContext as if a query
/// had read it, so that an update in the same request works as before and no two requests share an
/// entity. The other lookups (by id, by redirect address) read the store each time.
/// </summary>
public sealed class SharedClientCache(IOpenIddictApplicationStore<Client> store, IdentityDbContext database, SharedClientEntries entries) : IOpenIddictApplicationCache<Client>
{
    public async ValueTask<Client?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (entries.TryGet(identifier, out var cached))
        {
            return Track(cached);
        }

        var version = entries.Version;
        var client = await store.FindByClientIdAsync(identifier, cancellationToken);
        if (client is not null)
        {
            entries.Add(identifier, client, version);
        }

        return client;
    }

    public ValueTask<Client?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        store.FindByIdAsync(identifier, cancellationToken);

    public IAsyncEnumerable<Client> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByPostLogoutRedirectUriAsync(uri, cancellationToken);

    public IAsyncEnumerable<Client> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        store.FindByRedirectUriAsync(uri, cancellationToken);

    /// <summary>Drops any earlier entry for a client that OpenIddict's manager has just created.</summary>
    public ValueTask AddAsync(Client application, CancellationToken cancellationToken) => RemoveAsync(application, cancellationToken);

    /// <summary>Drops the entry of a client that OpenIddict's manager has just updated or deleted.</summary>
    public ValueTask RemoveAsync(Client application, CancellationToken cancellationToken)
    {
        entries.Remove(application.ClientId);
        return default;
    }

    /// <summary>Returns the request's own tracked instance of a kept client: the one its DbContext tracks already, or a new copy.</summary>
    private Client Track(Client cached)
    {
        if (database.Set<Client>().Local.FindEntry(cached.Id) is { } tracked)
        {
            return tracked.Entity;
        }

        var copy = SharedClientEntries.Copy(cached);
        database.Attach(copy);
        return copy;
    }
}

/// <summary>
/// The clients found by <see cref="SharedClientCache"/>, each kept for <see cref="Lifetime"/>. A client
/// created, updated or deleted through OpenIddict's manager in this process leaves at once. The
/// lifetime bounds how long a change written by another process can go unseen.
/// </summary>
public sealed class SharedClientEntries(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The maximum number of entries. Only registered clients are kept, so only very many of them reach it.</summary>
    public const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>The number of removals so far, so that a store read begun before a removal keeps nothing.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(string clientId, out Client client)
    {
        if (_entries.TryGetValue(clientId, out var entry) && entry.ExpiresAt > clock.GetUtcNow())
        {
            client = entry.Client;
            return true;
        }

        client = null!;
        return false;
    }

    /// <summary>Keeps a copy of a client read from the store, unless a removal came after the read began.</summary>
    public void Add(string clientId, Client client, long versionBeforeRead)
    {
        if (_entries.Count >= Capacity && !_entries.ContainsKey(clientId))
        {
            _entries.Clear();
        }

        var entry = new Entry(Copy(client), clock.GetUtcNow() + Lifetime);
        _entries[clientId] = entry;

        // A removal between the read and this line may have missed the new entry.
        if (Version != versionBeforeRead)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(clientId, entry));
        }
    }

    public void Remove(string? clientId)
    {
        Interlocked.Increment(ref _version);
        if (clientId is not null)
        {
            _entries.TryRemove(clientId, out _);
        }
    }

    /// <summary>Copies a client's stored values into a detached instance, without its tokens and authorizations.</summary>
    public static Client Copy(Client client) => new()
    {
        Id = client.Id,
        ApplicationType = client.ApplicationType,
        ClientId = client.ClientId,
        ClientSecret = client.ClientSecret,
        ClientType = client.ClientType,
        ConcurrencyToken = client.ConcurrencyToken,
        ConsentType = client.ConsentType,
        DisplayName = client.DisplayName,
        DisplayNames = client.DisplayNames,
        JsonWebKeySet = client.JsonWebKeySet,
        Permissions = client.Permissions,
        PostLogoutRedirectUris = client.PostLogoutRedirectUris,
        Properties = client.Properties,
        RedirectUris = client.RedirectUris,
        Requirements = client.Requirements,
        Settings = client.Settings,
    };

    private sealed record Entry(Client Client, DateTimeOffset ExpiresAt);
}
