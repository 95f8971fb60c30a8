using Microsoft.Extensions.Configuration;

namespace MynaPlatform.AppHost.Platform;

public static class ProjectLaunch
{
    public const string LaunchWithDotnetRunKey = "Platform:LaunchWithDotnetRun";

    /// <summary>
    /// Starts every project as <c>dotnet exec</c> of its built assembly instead of Aspire's default
    /// <c>dotnet run --no-build</c>, which keeps the SDK's run command alive beside each service as
    /// a second .NET process. The environment, endpoints and telemetry wiring stay the same.
    /// <c>Platform:LaunchWithDotnetRun=true</c> keeps Aspire's default for a comparison.
    /// </summary>
    public static IDistributedApplicationBuilder WithBuiltAssemblyLaunch(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(LaunchWithDotnetRunKey))
        {
            return builder;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            if (BuiltAssembly(project.GetProjectMetadata().ProjectPath) is { } assembly)
            {
                // Aspire 13.6 marks launch tool arguments as an evaluation API; on a project they replace "run --project ...".
#pragma warning disable ASPIREEXTENSION001
                builder.CreateResourceBuilder(project).WithLaunchToolArgs(context =>
                {
                    context.Args.Add("exec");
                    context.Args.Add(assembly);
                });
#pragma warning restore ASPIREEXTENSION001
            }
        }

        return builder;
    }

    /// <summary>
    /// Returns the project's assembly in the same configuration and framework folder as the AppHost's
    /// own (for example <c>bin/Debug/net10.0</c>), or null when it is not there.
    /// </summary>
    private static string? BuiltAssembly(string projectPath)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(
            Path.GetDirectoryName(projectPath)!, "bin", output.Parent!.Name, output.Name, Path.GetFileNameWithoutExtension(projectPath) + ".dll");

        // NOTE: a project whose assembly name differs from its file name keeps Aspire's dotnet run launch.
        return File.Exists(assembly) ? assembly : null;
    }
}
