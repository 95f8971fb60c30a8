using MynaPlatform.SelfInfo;
using MynaPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSelfInfoServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSelfInfoEndpoints();

app.Run();
