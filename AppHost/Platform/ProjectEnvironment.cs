namespace MynaPlatform.AppHost.Platform;

public static class ProjectEnvironment
{
    /// <summary>
    /// Runs every project in the AppHost's own environment (Development under <c>./run.sh</c>), which
    /// Aspire passes only through a project's launch profile, and the platform's projects have none.
    /// </summary>
    public static IDistributedApplicationBuilder WithEnvironmentOnEveryProject(this IDistributedApplicationBuilder builder)
    {
        var environment = builder.Environment.EnvironmentName;
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
                .WithEnvironment("DOTNET_ENVIRONMENT", environment);
        }

        return builder;
    }
}
