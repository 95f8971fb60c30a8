using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class GarbageCollection
{
    public const string ServerGarbageCollectionKey = "Platform:ServerGarbageCollection";

    /// <summary>
    /// Runs every project with workstation garbage collection unless
    /// <c>Platform:ServerGarbageCollection</c> is true. ASP.NET Core projects default to server
    /// garbage collection, which keeps a heap per core and holds more memory while idle; the
    /// platform's services serve little load each, so one heap per process is enough.
    /// </summary>
    public static IDistributedApplicationBuilder WithGarbageCollectionOnEveryProject(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(ServerGarbageCollectionKey))
        {
            return builder;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("DOTNET_gcServer", "0");
        }

        return builder;
    }
}
