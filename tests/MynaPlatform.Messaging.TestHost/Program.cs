using Microsoft.Extensions.Hosting;
using MynaPlatform.Messaging.TestHost;

// Arguments are configuration overrides, for example
// TestHost:Role=consumer Storage:SqlitePath=/tmp/x.db ConnectionStrings:messaging=amqp://...
var builder = Host.CreateApplicationBuilder(args);
builder.AddTestHost(builder.Configuration["TestHost:ServiceName"] ?? "test-host");

using var host = builder.Build();
await host.StartAsync();
await host.ReportReadyAsync(TimeSpan.FromSeconds(60));
await host.WaitForShutdownAsync();
