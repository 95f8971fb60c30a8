using MynaPlatform.AppHost.Platform;
using MynaPlatform.AppHost.Readiness;
using MynaPlatform.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var settings = PlatformSettings.Read(builder.Configuration, builder.AppHostDirectory);
var (mode, reason) = RunModeDetector.Resolve(settings.RequestedMode);
Console.WriteLine($"MynaPlatform runs in {mode} mode because {reason}. Data folder: {settings.DataDirectory}");
var backbone = builder.AddPlatformBackbone(settings, mode);

var jpkiSimulator = builder.AddJpkiSimulator(settings);
var tokenServer = builder.AddTokenServerSecrets();
var identity = builder.AddProject<Projects.MynaPlatform_Identity>(ResourceNames.Identity)
    .WithPlatformDependencies(backbone).WithJpkiSimulator(jpkiSimulator);

var gateway = builder.AddProject<Projects.MynaPlatform_Gateway>(ResourceNames.Gateway)
    .WithGatewayEndpoint(settings.GatewayPort).WithRateLimitSettings().WithMessaging(backbone);

var notices = builder.AddPlatformService<Projects.MynaPlatform_Notices>(ResourceNames.Notices, backbone, identity, gateway);
var accessLog = builder.AddPlatformService<Projects.MynaPlatform_AccessLog>(ResourceNames.AccessLog, backbone, identity, gateway);
var selfInfo = builder.AddPlatformService<Projects.MynaPlatform_SelfInfo>(ResourceNames.SelfInfo, backbone, identity, gateway);
gateway.WithTokenValidation(gateway).WithReference(identity).WaitFor(identity);
var portal = builder.AddPortal(settings, tokenServer, gateway);

identity.WithTokenServer(tokenServer, gateway);
builder.AddClientCredentialsReport(tokenServer, gateway);
builder.AddReadinessReport(settings, mode, jpkiSimulator?.Simulator, [.. backbone.Resources, notices, accessLog, selfInfo, identity, portal, gateway]);
builder.WithEnvironmentOnEveryProject().WithGarbageCollectionOnEveryProject().WithTelemetryExportSetting().WithBuiltAssemblyLaunch()
    .WithDirectEndpoints();

builder.Build().Run();
