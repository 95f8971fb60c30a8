using MynaPlatform.Notices;
using MynaPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNoticesServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNoticesEndpoints();

app.Run();
