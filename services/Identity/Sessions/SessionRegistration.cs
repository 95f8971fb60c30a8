using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Messaging;
using MynaPlatform.Storage;

namespace MynaPlatform.Identity.Sessions;

public static class SessionRegistration
{
    /// <summary>
    /// Registers the identity service's platform database with its outbox and the session store.
    /// The identity service is the source of revoked sessions: it adds an ended session to its own
    /// set when the transaction commits and reloads the set from its database, so it consumes no
    /// <c>SessionRevoked</c> messages itself.
    /// </summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        var storage = builder.AddPlatformStorage(ResourceNames.Identity);
        if (storage.Provider != StorageProvider.Sqlite)
        {
            // The sessions commit beside OpenIddict's token store, which is SQLite in every mode.
            throw new InvalidOperationException("Storage:Provider must be Sqlite for the identity service, whose token store is SQLite in every mode.");
        }

        storage.AddSqliteSchema(IdentitySchema.Sqlite)
            .AddPlatformMessaging(builder, ResourceNames.Identity);

        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<IRevokedSessionSource>(services => services.GetRequiredService<SessionStore>());
        builder.Services.AddRevokedSessionSource<SessionStore>();
        return builder;
    }
}
