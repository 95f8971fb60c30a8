using MynaPlatform.AccessLog;
using MynaPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAccessLogServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAccessLogEndpoints();

app.Run();
