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
    private static readonly string[] DataServices = [ResourceNames.Notices, ResourceNames.AccessLog, ResourceNames.Identity];

    private static readonly string[] MongoServices = [ResourceNames.Notices, ResourceNames.AccessLog];

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
    public async Task ContainersMode_Identity_KeepsSqliteTokenStore()
    {
        await using var builder = await CreateBuilderAsync("Containers");

        // OpenIddict's only served store is EF Core, kept on SQLite in every mode, and identity's
        // sessions and holds live beside it.
        var environment = await EnvironmentOf(Resource(builder, ResourceNames.Identity));
        Assert.Equal("Sqlite", environment["Storage__Provider"]);
        Assert.True(environment.ContainsKey($"ConnectionStrings__{ResourceNames.Messaging}"), "identity has no broker connection string");
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

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(string runMode) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.MynaPlatform_AppHost>(
            [$"Platform:RunMode={runMode}", $"Platform:DataDirectory={dataDirectory}", "Platform:GatewayPort=0", "Platform:JpkiSimulatorPort=0"],
            TestContext.Current.CancellationToken);

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name) =>
        Assert.Single(builder.Resources, resource => resource.Name == name);

    private static string[] WaitsOf(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name)];

    // Aspire 13.6 marks these helpers obsolete in favour of ExecutionConfigurationBuilder, but they still
    // evaluate a resource's environment and arguments without starting it, which is all a model test needs.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        new(await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish));

    private static async Task<IReadOnlyList<string>> ArgumentsOf(IResource resource) =>
        [.. await ((IResourceWithArgs)resource).GetArgumentValuesAsync(DistributedApplicationOperation.Publish)];
#pragma warning restore CS0618
}
