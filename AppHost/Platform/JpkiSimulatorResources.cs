using Microsoft.Extensions.Configuration;
using MynaPlatform.Hosting;

namespace MynaPlatform.AppHost.Platform;

/// <summary>The JPKI simulator and the verifier key that identity presents to its lookup.</summary>
public sealed record JpkiSimulatorResources(
    IResourceBuilder<ProjectResource> Simulator,
    IResourceBuilder<ParameterResource> VerifierKey);

public static class JpkiSimulatorExtensions
{
    public const string UseSimulatorKey = "Platform:UseJpkiSimulator";

    /// <summary>
    /// Adds the test-only stand-in for J-LIS when <c>Platform:UseJpkiSimulator</c> is true. Its
    /// port is fixed in run mode because every issued certificate names its CRL address.
    /// </summary>
    public static JpkiSimulatorResources? AddJpkiSimulator(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        if (!builder.Configuration.GetValue<bool>(UseSimulatorKey))
        {
            return null;
        }

        var verifierKey = builder.AddParameter(
            "jpki-verifier-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

        var simulator = builder.AddProject<Projects.MynaPlatform_JpkiSimulator>(ResourceNames.JpkiSimulator)
            .WithHttpEndpoint(port: settings.JpkiSimulatorPort, name: ResourceNames.HttpEndpoint)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint)
            .WithEnvironment("Platform__DataDirectory", settings.DataDirectory)
            .WithEnvironment("JpkiSimulator__Verifiers__identity", verifierKey);
        simulator.WithEnvironment("JpkiSimulator__PublicBaseUrl", simulator.GetEndpoint(ResourceNames.HttpEndpoint));

        return new JpkiSimulatorResources(simulator, verifierKey);
    }

    /// <summary>Gives identity the simulator's address and the verifier key, when the simulator runs.</summary>
    public static IResourceBuilder<ProjectResource> WithJpkiSimulator(
        this IResourceBuilder<ProjectResource> identity, JpkiSimulatorResources? simulator)
    {
        if (simulator is null)
        {
            return identity;
        }

        // The hotline and the counter forward holds and lifts to identity, as J-LIS tells its verifiers.
        simulator.Simulator.WithEnvironment("JpkiSimulator__PlatformUrl", identity.GetEndpoint(ResourceNames.HttpEndpoint));

        // Identity refuses the simulator's test CAs in Production, so it runs in the AppHost's
        // environment: a platform started in Production with the simulator fails at once.
        return identity
            .WithEnvironment("DOTNET_ENVIRONMENT", identity.ApplicationBuilder.Environment.EnvironmentName)
            .WithReference(simulator.Simulator)
            .WaitFor(simulator.Simulator)
            .WithEnvironment("Jpki__VerifierKey", simulator.VerifierKey)
            .WithEnvironment("Jpki__SimulatorUrl", $"http://{ResourceNames.JpkiSimulator}");
    }
}
