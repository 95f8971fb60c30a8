using MynaPlatform.Identity;
using MynaPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIdentityEndpoints();

app.Run();
