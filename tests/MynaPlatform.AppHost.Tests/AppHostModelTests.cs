using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MynaPlatform.AppHost.Messaging;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.AppHost.Tests;

/// <summary>
/// Checks the AppHost's model (resources, references, waits) for each run mode without starting
/// it, so containers mode is verified on machines that cannot run containers.
/// </summary>
public sealed class AppHostModelTests : IDisposable
{
    private static readonly string[] DataServices = [ResourceNames.Notices, ResourceNames.AccessLog, ResourceNames.Identity, ResourceNames.SelfInfo];

    private static readonly string[] MongoServices = [ResourceNames.Notices, ResourceNames.AccessLog, ResourceNames.Identity, ResourceNames.SelfInfo];

    private readonly string dataDirectory = Path.Combine(
        Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath(), $"apphost-model-{Guid.NewGuid():N}");

    [Fact]
    public async Task ContainersMode_Model_RunsBrokerAndMongoAsContainers()
    {
        await using var builder = await CreateBuilderAsync("Containers");

        var messaging = Resource(builder, ResourceNames.Messaging);
        Assert.IsAssignableFrom<ContainerResource>(messaging);
        var mongo = Assert.IsAssignableFrom<ContainerResource>(Resource(builder, ResourceNames.MongoDb));
        Assert.Equal("mongo", mongo.Annotations.OfType<ContainerImageAnnotation>().Single().Image);

        var arguments = await ArgumentsOf(mongo);
        Assert.Contains(arguments, argument => argument.Contains("--replSet rs0"));
        Assert.Contains(arguments, argument => argument.Contains("rs.initiate"));
    }

    [Fact]
    public async Task ContainersMode_Services_WaitForBrokerAndMongo()
    {
        await using var builder = await CreateBuilderAsync("Containers");

        foreach (var service in MongoServices)
        {
            var resource = Resource(builder, service);
            Assert.Contains(ResourceNames.Messaging, WaitsOf(resource));
            Assert.Contains(ResourceNames.MongoDb, WaitsOf(resource));

            var environment = await EnvironmentOf(resource);
            Assert.Equal("MongoDb", environment["Storage__Provider"]);
            Assert.True(environment.ContainsKey($"ConnectionStrings__{ResourceNames.MongoDb}"), $"{service} has no MongoDB connection string");
            Assert.True(environment.ContainsKey($"ConnectionStrings__{ResourceNames.Messaging}"), $"{service} has no broker connection string");
        }
    }

    [Fact]
    public async Task ContainersMode_Identity_KeepsTokenStoreInDataFolder()
    {
        await using var builder = await CreateBuilderAsync("Containers");

        // Identity's own data is on MongoDB, but OpenIddict's only served store is EF Core, kept on
        // SQLite in the data folder in every mode.
        var environment = await EnvironmentOf(Resource(builder, ResourceNames.Identity));
        Assert.Equal("MongoDb", environment["Storage__Provider"]);
        Assert.Equal(dataDirectory, environment["Platform__DataDirectory"]);
    }

    [Fact]
    public async Task LocalMode_Model_RunsPrivateBrokerWithOwnEpmd()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var broker = Assert.IsType<LocalRabbitMqResource>(Resource(builder, ResourceNames.Messaging));
        Assert.Contains($"{ResourceNames.Messaging}-epmd", WaitsOf(broker));
        Assert.DoesNotContain(builder.Resources, resource => resource.Name == ResourceNames.MongoDb);

        var environment = await EnvironmentOf(broker);
        Assert.Equal("127.0.0.1", environment["RABBITMQ_NODE_IP_ADDRESS"]);
        Assert.StartsWith(dataDirectory, environment["RABBITMQ_MNESIA_BASE"]);
        Assert.Equal(environment["ERL_EPMD_PORT"], (await ArgumentsOf(Resource(builder, $"{ResourceNames.Messaging}-epmd")))[1]);
    }

    [Fact]
    public async Task LocalMode_Services_UseSqliteUnderDataFolder()
    {
        await using var builder = await CreateBuilderAsync("Local");

        foreach (var service in DataServices)
        {
            var resource = Resource(builder, service);
            Assert.Contains(ResourceNames.Messaging, WaitsOf(resource));

            var environment = await EnvironmentOf(resource);
            Assert.Equal("Sqlite", environment["Storage__Provider"]);
            Assert.Equal(dataDirectory, environment["Platform__DataDirectory"]);
        }
    }

    [Fact]
    public async Task Gateway_WaitsForEveryRoutedService()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var gateway = Resource(builder, ResourceNames.Gateway);
        Assert.Equivalent(DataServices, WaitsOf(gateway).Intersect(DataServices));
        Assert.Contains(ResourceNames.Portal, WaitsOf(gateway));
    }

    [Fact]
    public async Task Portal_GetsClientSecretAndDataFolder()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var portal = Resource(builder, ResourceNames.Portal);
        var environment = await EnvironmentOf(portal);
        Assert.Equal("portal", environment["Portal__ClientId"]);
        Assert.False(string.IsNullOrEmpty(environment["Portal__ClientSecret"]), "the portal has no client secret");
        Assert.Equal(dataDirectory, environment["Platform__DataDirectory"]);
        Assert.True(environment.ContainsKey($"services__{ResourceNames.Gateway}__{ResourceNames.HttpEndpoint}__0"), "the portal cannot find the gateway");

        // The portal reaches identity only through the gateway, so it waits for nothing at start.
        Assert.Empty(WaitsOf(portal));
    }

    [Fact]
    public async Task Portal_SecretMatchesIdentitySeededClient()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var portal = await EnvironmentOf(Resource(builder, ResourceNames.Portal));
        var identity = await EnvironmentOf(Resource(builder, ResourceNames.Identity));
        Assert.Equal(identity["Tokens__Clients__portal__Secret"], portal["Portal__ClientSecret"]);
    }

    [Fact]
    public async Task SelfInfo_WaitsForIdentityAndValidatesTokens()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var selfInfo = Resource(builder, ResourceNames.SelfInfo);
        Assert.Contains(ResourceNames.Identity, WaitsOf(selfInfo));

        var environment = await EnvironmentOf(selfInfo);
        Assert.True(environment.ContainsKey("Authentication__Issuer"), "self-info has no token issuer");
        Assert.True(environment.Keys.Any(key => key.StartsWith($"services__{ResourceNames.Identity}__{ResourceNames.GrpcEndpoint}", StringComparison.Ordinal)),
            "self-info cannot discover identity's gRPC endpoint");
    }

    [Fact]
    public async Task Identity_WaitsForJpkiSimulator()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var identity = Resource(builder, ResourceNames.Identity);
        Assert.Contains(ResourceNames.JpkiSimulator, WaitsOf(identity));
        Assert.True((await EnvironmentOf(identity)).ContainsKey("Jpki__VerifierKey"));
    }

    [Fact]
    public async Task Projects_RunInAppHostEnvironment()
    {
        await using var builder = await CreateBuilderAsync("Local");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentOf(project);
            Assert.Equal(builder.Environment.EnvironmentName, environment["ASPNETCORE_ENVIRONMENT"]);
        }
    }

    [Fact]
    public async Task GatewayRateLimits_Configured_ForwardedToGateway()
    {
        await using var builder = await CreateBuilderAsync(
            "Local", "Platform:Gateway:RateLimits:AnonymousPermitLimit=100000", "Platform:Gateway:RateLimits:Window=00:00:01");

        var environment = await EnvironmentOf(Resource(builder, ResourceNames.Gateway));

        Assert.Equal("100000", environment["Gateway__RateLimits__AnonymousPermitLimit"]);
        Assert.Equal("00:00:01", environment["Gateway__RateLimits__Window"]);
        Assert.False(environment.ContainsKey("Gateway__RateLimits__PersonPermitLimit"), "an unset limit must keep the gateway's default");
    }

    [Fact]
    public async Task GatewayRateLimits_NotConfigured_GatewayKeepsDefaults()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var environment = await EnvironmentOf(Resource(builder, ResourceNames.Gateway));

        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("Gateway__RateLimits__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Projects_ByDefault_UseWorkstationGarbageCollection()
    {
        await using var builder = await CreateBuilderAsync("Local");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentOf(project);
            Assert.True(environment.TryGetValue("DOTNET_gcServer", out var value), $"{project.Name} has no DOTNET_gcServer");
            Assert.Equal("0", value);
        }
    }

    [Fact]
    public async Task Projects_ServerGarbageCollectionSetting_KeepRuntimeDefault()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:ServerGarbageCollection=true");

        var environment = await EnvironmentOf(Resource(builder, ResourceNames.Identity));

        Assert.False(environment.ContainsKey("DOTNET_gcServer"));
    }

    [Fact]
    public async Task Projects_ByDefault_ExportTelemetry()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var environment = await EnvironmentWithExporterOf(Resource(builder, ResourceNames.Identity));

        Assert.True(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public async Task Projects_TelemetryExportOff_HaveNoExporter()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:TelemetryExport=false");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentWithExporterOf(project);
            Assert.DoesNotContain(environment.Keys, name => name.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal));
            Assert.True(environment.ContainsKey("OTEL_SERVICE_NAME"), $"{project.Name} lost its service name");
        }
    }

    [Fact]
    public async Task Projects_BatchDelaySetting_SetsExporters()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:TelemetryBatchDelayMilliseconds=250");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentWithExporterOf(project);
            Assert.Equal("250", environment["OTEL_BSP_SCHEDULE_DELAY"]);
            Assert.Equal("250", environment["OTEL_BLRP_SCHEDULE_DELAY"]);
            Assert.False(environment.ContainsKey("OTEL_METRIC_EXPORT_INTERVAL"), $"{project.Name} got a metric interval");
        }
    }

    [Fact]
    public async Task Projects_BatchDelayUnset_Exports200Milliseconds()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var environment = await EnvironmentWithExporterOf(Resource(builder, ResourceNames.Identity));

        Assert.Equal("200", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("200", environment["OTEL_BLRP_SCHEDULE_DELAY"]);
    }

    [Theory]
    [InlineData("50")]
    [InlineData("soon")]
    public async Task BatchDelaySetting_Invalid_StopsAppHost(string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => CreateBuilderAsync("Local", $"Platform:TelemetryBatchDelayMilliseconds={value}"));

        var message = failure.GetBaseException().Message;
        Assert.Contains("Platform:TelemetryBatchDelayMilliseconds", message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_SampleRatioSetting_SetsSampler()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:TraceSampleRatio=0.25");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var environment = await EnvironmentWithExporterOf(project);
            Assert.Equal("parentbased_traceidratio", environment["OTEL_TRACES_SAMPLER"]);
            Assert.Equal("0.25", environment["OTEL_TRACES_SAMPLER_ARG"]);
        }
    }

    [Fact]
    public async Task SampleRatioSetting_ExportOff_StillChecked()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            CreateBuilderAsync("Local", "Platform:TelemetryExport=false", "Platform:TraceSampleRatio=abc"));

        Assert.Contains("Platform:TraceSampleRatio", failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_SampleRatioUnset_KeepEveryTrace()
    {
        await using var builder = await CreateBuilderAsync("Local");

        var environment = await EnvironmentWithExporterOf(Resource(builder, ResourceNames.Gateway));

        Assert.False(environment.ContainsKey("OTEL_TRACES_SAMPLER"));
        Assert.False(environment.ContainsKey("OTEL_TRACES_SAMPLER_ARG"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("0,5")]
    [InlineData("half")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task SampleRatioSetting_Invalid_StopsAppHost(string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => CreateBuilderAsync("Local", $"Platform:TraceSampleRatio={value}"));

        var message = failure.GetBaseException().Message;
        Assert.Contains("Platform:TraceSampleRatio", message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_ByDefault_LaunchBuiltAssembly()
    {
        await using var builder = await CreateBuilderAsync("Local");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            Assert.True(HasLaunchToolArguments(project), $"{project.Name} still starts through dotnet run");
        }
    }

    [Fact]
    public async Task Projects_LaunchWithDotnetRunSetting_KeepAspireDefault()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:LaunchWithDotnetRun=true");

        Assert.False(HasLaunchToolArguments(Resource(builder, ResourceNames.Identity)));
    }

    [Fact]
    public async Task Projects_ByDefault_ListenWithoutProxy()
    {
        await using var builder = await CreateBuilderAsync("Local");

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var proxySupport = project.Annotations.OfType<ProxySupportAnnotation>().LastOrDefault();
            Assert.True(proxySupport is { ProxyEnabled: false }, $"{project.Name} still listens behind a DCP proxy");
        }
    }

    [Fact]
    public async Task Projects_ProxiedEndpointsSetting_KeepAspireProxies()
    {
        await using var builder = await CreateBuilderAsync("Local", "Platform:ProxiedEndpoints=true");

        Assert.Empty(Resource(builder, ResourceNames.Gateway).Annotations.OfType<ProxySupportAnnotation>());
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(string runMode, params string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.MynaPlatform_AppHost>(
            [$"Platform:RunMode={runMode}", $"Platform:DataDirectory={dataDirectory}", "Platform:GatewayPort=0", "Platform:JpkiSimulatorPort=0", .. settings],
            TestContext.Current.CancellationToken);

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name) =>
        Assert.Single(builder.Resources, resource => resource.Name == name);

    // Aspire 13.6 keeps the annotation that WithLaunchToolArgs adds internal, so it is found by its type name.
    private static bool HasLaunchToolArguments(IResource resource) =>
        resource.Annotations.Any(annotation => annotation.GetType().Name == "LaunchToolArgsCallbackAnnotation");

    private static string[] WaitsOf(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name)];

    // Aspire 13.6 marks these helpers obsolete in favour of ExecutionConfigurationBuilder, but they still
    // evaluate a resource's environment and arguments without starting it, which is all a model test needs.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        new(await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish));

    /// <summary>
    /// Runs the resource's environment callbacks on variables that already contain the OTLP exporter
    /// settings, which Aspire adds only in a run (evaluating a run here would wait for endpoints).
    /// </summary>
    private static async Task<Dictionary<string, object>> EnvironmentWithExporterOf(IResource resource)
    {
        var variables = new Dictionary<string, object>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = resource.Name,
        };
        var context = new EnvironmentCallbackContext(
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), resource, variables);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return variables;
    }

    private static async Task<IReadOnlyList<string>> ArgumentsOf(IResource resource) =>
        [.. await ((IResourceWithArgs)resource).GetArgumentValuesAsync(DistributedApplicationOperation.Publish)];
#pragma warning restore CS0618
}
