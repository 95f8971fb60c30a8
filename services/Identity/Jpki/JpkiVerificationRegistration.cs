using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Login;
using MynaPlatform.ServiceDefaults.Configuration;

namespace MynaPlatform.Identity.Jpki;

public static class JpkiVerificationRegistration
{
    public static IHostApplicationBuilder AddJpkiVerification(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<JpkiOptions>(JpkiOptions.SectionName);

        services.AddHttpClient(TrustAnchors.HttpClientName);
        services.AddHttpClient(RevocationListCache.HttpClientName);
        services.AddSingleton<TrustAnchors>();
        services.AddSingleton<RevocationListCache>();
        services.AddSingleton<LoginCertificateVerifier>();
        services.AddHostedService<TrustAnchorCheck>();

        services.AddSingleton<ChallengePurgeSchedule>();
        services.AddScoped<ChallengeStore>();
        services.AddScoped<PersonDirectory>();
        services.AddScoped<CardLogin>();
        return builder;
    }

    /// <summary>Stops the service at start when a test trust anchor is configured in Production.</summary>
    private sealed class TrustAnchorCheck(TrustAnchors anchors) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            anchors.ValidateConfiguration();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
