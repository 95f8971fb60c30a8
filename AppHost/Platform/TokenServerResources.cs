using Microsoft.Extensions.Configuration;
using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Platform;

/// <summary>
/// The secrets of the seeded clients and the key of the individual-number digest, generated once
/// and kept by Aspire's parameter store.
/// </summary>
public sealed record TokenServerResources(
    IResourceBuilder<ParameterResource> PortalSecret,
    IResourceBuilder<ParameterResource> OperatorSecret,
    IResourceBuilder<ParameterResource> AgencySecret,
    IResourceBuilder<ParameterResource> NumberDigestKey,
    SeededClientIds ClientIds);

/// <summary>Client ids of the seeded clients, from <c>Platform:Clients</c>.</summary>
public sealed record SeededClientIds(string Portal, string Card, string Operator, string Agency)
{
    public static SeededClientIds Read(IConfiguration configuration) => new(
        configuration["Platform:Clients:Portal"] ?? "portal",
        configuration["Platform:Clients:Card"] ?? "myna-card",
        configuration["Platform:Clients:Operator"] ?? "operator-console",
        configuration["Platform:Clients:Agency"] ?? "test-agency");
}

public static class TokenServerExtensions
{
    /// <summary>Settings forwarded from the AppHost's configuration to every token validator, when set.</summary>
    private static readonly string[] ForwardedValidationSettings = ["JwksRefreshInterval", "JwksMinimumRefreshInterval", "ClockSkew"];

    public static TokenServerResources AddTokenServerSecrets(this IDistributedApplicationBuilder builder)
    {
        IResourceBuilder<ParameterResource> Secret(string name) =>
            builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

        return new TokenServerResources(
            Secret("portal-client-secret"),
            Secret("operator-client-secret"),
            Secret("agency-client-secret"),
            Secret("individual-number-digest-key"),
            SeededClientIds.Read(builder.Configuration));
    }

    /// <summary>
    /// Gives identity its issuer (the gateway's public URL), the clients to seed and the digest key.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenServer(
        this IResourceBuilder<ProjectResource> identity, TokenServerResources tokens, IResourceBuilder<ProjectResource> gateway)
    {
        var clients = tokens.ClientIds;
        if (identity.ApplicationBuilder.Configuration["Platform:Jpki:RevocationListMaxAge"] is { Length: > 0 } maxAge)
        {
            identity.WithEnvironment("Jpki__RevocationListMaxAge", maxAge);
        }

        // Identity's own data follows the run mode's provider (WithPlatformDependencies); its OpenIddict
        // token store is SQLite under Platform__DataDirectory in every mode.
        return identity
            .WithTokenValidation(gateway)
            .WithEnvironment("Jpki__NumberDigestKey", tokens.NumberDigestKey)
            .WithEnvironment($"Tokens__Clients__{clients.Card}__Kind", "Card")
            .WithEnvironment($"Tokens__Clients__{clients.Card}__DisplayName", "マイナンバーカード (myna-card)")
            .WithEnvironment($"Tokens__Clients__{clients.Portal}__Kind", "Portal")
            .WithEnvironment($"Tokens__Clients__{clients.Portal}__DisplayName", "マイナポータル")
            .WithEnvironment($"Tokens__Clients__{clients.Portal}__Secret", tokens.PortalSecret)
            .WithEnvironment($"Tokens__Clients__{clients.Operator}__Kind", "Operator")
            .WithEnvironment($"Tokens__Clients__{clients.Operator}__DisplayName", "運用担当者コンソール")
            .WithEnvironment($"Tokens__Clients__{clients.Operator}__Secret", tokens.OperatorSecret)
            .WithEnvironment($"Tokens__Clients__{clients.Agency}__Kind", "Agency")
            .WithEnvironment($"Tokens__Clients__{clients.Agency}__DisplayName", "テスト用機関")
            .WithEnvironment($"Tokens__Clients__{clients.Agency}__Secret", tokens.AgencySecret);
    }

    /// <summary>Tells a token validator (a service or the gateway) the issuer, which is the gateway's public URL.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenValidation(
        this IResourceBuilder<ProjectResource> validator, IResourceBuilder<ProjectResource> gateway)
    {
        var gatewayEndpoint = gateway.GetEndpoint(ResourceNames.HttpEndpoint);
        validator.WithEnvironment("Authentication__Issuer", ReferenceExpression.Create($"{gatewayEndpoint}/"));

        var configuration = validator.ApplicationBuilder.Configuration;
        foreach (var setting in ForwardedValidationSettings)
        {
            if (configuration[$"Platform:Authentication:{setting}"] is { Length: > 0 } value)
            {
                validator.WithEnvironment($"Authentication__{setting}", value);
            }
        }

        return validator;
    }
}
