using MynaPlatform.Authentication.Sessions;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Messaging;
using MynaPlatform.Storage;

namespace MynaPlatform.Identity.Sessions;

public static class SessionRegistration
{
    /// <summary>
    /// Registers the identity service's platform database (SQLite or MongoDB, from <c>Storage:Provider</c>)
    /// with its outbox, the session store, the lost-card holds, step-ups, the account details and the agencies.
    /// The identity service is the source of revoked sessions: it adds an ended session to its own
    /// set when the transaction commits and reloads the set from its database, so it consumes no
    /// <c>SessionRevoked</c> messages itself.
    /// </summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformStorage(ResourceNames.Identity)
            .AddIdentityRepositories()
            .AddPlatformMessaging(builder, ResourceNames.Identity);

        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<IRevokedSessionSource>(services => services.GetRequiredService<SessionStore>());
        builder.Services.AddRevokedSessionSource<SessionStore>();

        builder.Services.AddSingleton<CardHoldStore>();
        builder.Services.AddSingleton<CardHoldRateLimiter>();
        builder.Services.AddScoped<LostCardReports>();

        builder.Services.AddSingleton<StepUpStore>();
        builder.Services.AddSingleton<AccountDetailsStore>();

        builder.Services.AddScoped<AgencyDirectory>();
        builder.Services.AddScoped<AgencyEnrollment>();
        return builder;
    }
}
