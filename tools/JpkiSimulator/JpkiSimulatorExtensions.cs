using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Jpki;
using MynaPlatform.JpkiSimulator.Api;
using MynaPlatform.JpkiSimulator.Authorities;
using MynaPlatform.JpkiSimulator.Cards;
using MynaPlatform.JpkiSimulator.Registry;
using MynaPlatform.JpkiSimulator.Verifiers;
using MynaPlatform.ServiceDefaults.Configuration;
using MynaPlatform.ServiceDefaults.OpenApi;

namespace MynaPlatform.JpkiSimulator;

public static class JpkiSimulatorExtensions
{
    public const string OpenApiPrefix = "jpki";

    public static WebApplicationBuilder AddJpkiSimulator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddValidatedOptions<SimulatorStorageOptions>(SimulatorStorageOptions.SectionName);
        services.AddValidatedOptions<JpkiSimulatorOptions>(JpkiSimulatorOptions.SectionName);

        services.AddSingleton<AuthorityStore>();
        services.AddSingleton<ResidentRegistry>();
        services.AddSingleton<CardIssuer>();
        services.AddSingleton<CardLifecycle>();
        services.AddSingleton<PlatformHoldForwarder>();
        services.AddHttpClient(PlatformHoldForwarder.HttpClientName);
        services.AddSingleton<RevocationLists>();
        services.AddSingleton<IndividualNumberLookup>();
        services.AddHostedService<AuthorityInitializer>();

        services.AddHealthChecks().AddCheck<AuthorityHealthCheck>("jpki-authorities");
        services.AddVerifierAuthentication();
        services.AddPlatformOpenApi();

        return builder;
    }

    /// <summary>Builds a ProblemDetails result that carries a stable reason code.</summary>
    internal static ProblemHttpResult Problem(int status, string reasonCode, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { [JpkiReasonCodes.ProblemExtension] = reasonCode });
}
