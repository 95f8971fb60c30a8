namespace MynaPlatform.Benchmarks.Footprint;

/// <summary>Where a process belongs in the footprint report.</summary>
public enum ProcessGroup
{
    /// <summary>The platform's own .NET processes: services, gateway, portal, JPKI simulator.</summary>
    Services,

    /// <summary>The local RabbitMQ node with its helpers and its epmd.</summary>
    Broker,

    /// <summary>run.sh, the AppHost, DCP (the orchestrator), the dashboard and the <c>dotnet run</c> wrappers.</summary>
    Aspire,

    /// <summary>Anything else found in the run's process tree.</summary>
    Other,
}

public sealed record PlatformProcess(ProcessInfo Process, ProcessGroup Group, string Name);

/// <summary>Finds the processes of one platform run and names them.</summary>
public static class PlatformProcesses
{
    private static readonly string[] BrokerExecutables = ["beam.smp", "erl_child_setup", "inet_gethost", "epmd"];

    /// <summary>
    /// Returns the descendants of <paramref name="rootId"/> (the <c>run.sh</c> shell), every process
    /// whose command line names <paramref name="dataDirectory"/>, and every process that watches one
    /// of them with <c>--monitor PID</c>: DCP's API server leaves the tree and watches the AppHost
    /// that way. The search repeats until it finds nothing new.
    /// </summary>
    public static IReadOnlyList<PlatformProcess> Find(IReadOnlyList<ProcessInfo> table, int rootId, string dataDirectory)
    {
        var found = new HashSet<int> { rootId };
        bool grew;
        do
        {
            grew = false;
            foreach (var process in table)
            {
                if (!found.Contains(process.Id) && Belongs(process, found, dataDirectory))
                {
                    found.Add(process.Id);
                    grew = true;
                }
            }
        }
        while (grew);

        return [.. table.Where(process => found.Contains(process.Id)).Select(Classify)];
    }

    private static bool Belongs(ProcessInfo process, HashSet<int> found, string dataDirectory)
    {
        if (found.Contains(process.ParentId) || process.CommandText.Contains(dataDirectory, StringComparison.Ordinal))
        {
            return true;
        }

        for (var index = 0; index + 1 < process.CommandLine.Count; index++)
        {
            if (process.CommandLine[index] == "--monitor" && int.TryParse(process.CommandLine[index + 1], out var watched) && found.Contains(watched))
            {
                return true;
            }
        }

        return false;
    }

    public static PlatformProcess Classify(ProcessInfo process)
    {
        var arguments = process.CommandLine;
        var executable = process.Executable;
        if (executable == "dcp")
        {
            return new(process, ProcessGroup.Aspire, arguments.Count > 1 ? $"dcp {arguments[1]}" : "dcp");
        }

        if (arguments.Any(argument => argument.Contains("Aspire.Dashboard", StringComparison.Ordinal)))
        {
            return new(process, ProcessGroup.Aspire, "dashboard");
        }

        if (executable == "dotnet" && arguments.Count > 1 && arguments[1] == "run")
        {
            var project = arguments.SkipWhile(argument => argument != "--project").Skip(1).FirstOrDefault() ?? "?";
            return new(process, ProcessGroup.Aspire, $"dotnet run wrapper: {ShortName(project)}");
        }

        var program = arguments.FirstOrDefault(argument => Path.GetFileName(argument).StartsWith("MynaPlatform.", StringComparison.Ordinal));
        if (program is not null)
        {
            var name = ShortName(program);
            return name == "AppHost" ? new(process, ProcessGroup.Aspire, "AppHost") : new(process, ProcessGroup.Services, name);
        }

        if (BrokerExecutables.Contains(executable))
        {
            return new(process, ProcessGroup.Broker, executable);
        }

        if (arguments.Any(argument => argument.Contains("rabbitmq-server", StringComparison.Ordinal) || argument.Contains("rabbit_disk_monitor", StringComparison.Ordinal)))
        {
            return new(process, ProcessGroup.Broker, $"sh ({Path.GetFileName(arguments[^1])})");
        }

        if (arguments.Any(argument => argument.EndsWith("run.sh", StringComparison.Ordinal)))
        {
            return new(process, ProcessGroup.Aspire, "run.sh");
        }

        return new(process, ProcessGroup.Other, executable);
    }

    /// <summary>"…/services/Identity/bin/Debug/net10.0/MynaPlatform.Identity.dll" and "…/MynaPlatform.Identity.csproj" become "Identity".</summary>
    private static string ShortName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".csproj", ".dll" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }

        return name.StartsWith("MynaPlatform.", StringComparison.Ordinal) ? name["MynaPlatform.".Length..] : name;
    }
}
