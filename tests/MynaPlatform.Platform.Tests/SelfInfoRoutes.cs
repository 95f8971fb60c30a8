using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using MynaPlatform.SelfInfo;
using MynaPlatform.ServiceDefaults;

namespace MynaPlatform.Platform.Tests;

/// <summary>One route of the self-info API: its HTTP method and its pattern, such as <c>/api/self-info/me/records/{recordId}</c>.</summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> Parameters)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Reads the self-info service's routes from its own endpoint data: the service's registration and
/// route mapping run in this process without starting, so a route added to the service shows up here.
/// </summary>
public static class SelfInfoRoutes
{
    public static IReadOnlyList<ApiRoute> Read()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"self-info-routes-{Guid.NewGuid():N}");
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = Path.Combine(directory, "self-info.db"),
                ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/",
                ["Authentication:Issuer"] = "http://127.0.0.1/",
            });
            builder.AddServiceDefaults();
            builder.AddSelfInfoServices();

            using var app = builder.Build();
            app.MapSelfInfoApi();
            return [.. ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(method => new ApiRoute(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'),
                        [.. endpoint.RoutePattern.Parameters.Select(parameter => parameter.Name)])))];
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
