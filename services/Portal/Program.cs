using MynaPlatform.Portal;
using MynaPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPortal();

app.Run();
