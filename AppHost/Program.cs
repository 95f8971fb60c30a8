using MynaPlatform.AppHost.Platform;
using MynaPlatform.AppHost.Readiness;
using MynaPlatform.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var settings = PlatformSettings.Read(builder.Configuration, builder.AppHostDirectory);
var (mode, reason) = RunModeDetector.Resolve(settings.RequestedMode);
Console.WriteLine($"MynaPlatform runs in {mode} mode because {reason}. Data folder: {settings.DataDirectory}");
var backbone = builder.AddPlatformBackbone(settings, mode);

var notices = builder.AddProject<Projects.MynaPlatform_Notices>(ResourceNames.Notices)
    .WithPlatformDependencies(backbone);

var accessLog = builder.AddProject<Projects.MynaPlatform_AccessLog>(ResourceNames.AccessLog)
    .WithPlatformDependencies(backbone);

var jpkiSimulator = builder.AddJpkiSimulator(settings);
var tokenServer = builder.AddTokenServerSecrets();

var identity = builder.AddProject<Projects.MynaPlatform_Identity>(ResourceNames.Identity)
    .WithPlatformDependencies(backbone)
    .WithJpkiSimulator(jpkiSimulator)
    .WithReference(notices).WaitFor(notices)
    .WithReference(accessLog).WaitFor(accessLog);

var gateway = builder.AddProject<Projects.MynaPlatform_Gateway>(ResourceNames.Gateway)
    .WithGatewayEndpoint(settings.GatewayPort).WithMessaging(backbone);
gateway
    .WithTokenValidation(gateway)
    .WithReference(identity).WaitFor(identity)
    .WithReference(notices).WaitFor(notices)
    .WithReference(accessLog).WaitFor(accessLog);

identity.WithTokenServer(tokenServer, gateway);
builder.AddClientCredentialsReport(tokenServer, gateway);
builder.AddReadinessReport(settings, mode, jpkiSimulator?.Simulator, [.. backbone.Resources, notices, accessLog, identity, gateway]);
builder.WithEnvironmentOnEveryProject();

builder.Build().Run();
