using MynaPlatform.JpkiSimulator;
using MynaPlatform.JpkiSimulator.Api;
using MynaPlatform.ServiceDefaults;
using MynaPlatform.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJpkiSimulator();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPlatformOpenApi(JpkiSimulatorExtensions.OpenApiPrefix);
app.MapCounterEndpoints();
app.MapHotlineEndpoints();
app.MapAuthorityEndpoints();
app.MapVerifierEndpoints();

app.Run();

public partial class Program;
