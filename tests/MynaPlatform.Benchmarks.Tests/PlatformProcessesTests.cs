using MynaPlatform.Benchmarks.Footprint;
using MynaPlatform.Benchmarks.Login;
using Xunit;

namespace MynaPlatform.Benchmarks.Tests;

public sealed class PlatformProcessesTests
{
    private const string DataDirectory = "/tmp/myna-bench/data";

    [Fact]
    public void Find_ProcessTree_FollowsChildrenMonitorsAndDataFolder()
    {
        ProcessInfo[] table =
        [
            Process(100, 1, "bash", "/repo/run.sh"),
            Process(101, 100, "dotnet", "bin/Debug/net10.0/MynaPlatform.AppHost.dll"),
            Process(102, 1, "/home/.nuget/dcp", "start-apiserver", "--monitor", "101"),
            Process(103, 102, "/home/.nuget/dcp", "run-controllers", "--monitor", "102"),
            Process(104, 103, "dotnet", "run", "--project", "/repo/services/Identity/MynaPlatform.Identity.csproj", "--no-build"),
            Process(105, 104, "/repo/services/Identity/bin/Debug/net10.0/MynaPlatform.Identity"),
            Process(106, 1, "/usr/bin/python3", "-c", $"open('{DataDirectory}/rabbitmq/x')"),
            Process(200, 1, "/home/.nuget/dcp", "start-apiserver", "--monitor", "999"),
            Process(201, 1, "/other/MynaPlatform.Gateway"),
        ];

        var found = PlatformProcesses.Find(table, 100, DataDirectory).Select(entry => entry.Process.Id).Order().ToArray();

        Assert.Equal([100, 101, 102, 103, 104, 105, 106], found);
    }

    [Theory]
    [InlineData(ProcessGroup.Aspire, "dcp run-controllers", "/home/.nuget/packages/aspire.hosting.orchestration.linux-x64/13.6.5/tools/dcp", "run-controllers")]
    [InlineData(ProcessGroup.Aspire, "AppHost", "dotnet", "bin/Debug/net10.0/MynaPlatform.AppHost.dll")]
    [InlineData(ProcessGroup.Aspire, "dotnet run wrapper: Notices", "dotnet", "run", "--project", "/repo/services/Notices/MynaPlatform.Notices.csproj")]
    [InlineData(ProcessGroup.Aspire, "dashboard", "/home/.nuget/packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools/Aspire.Dashboard")]
    [InlineData(ProcessGroup.Services, "AccessLog", "/repo/services/AccessLog/bin/Debug/net10.0/MynaPlatform.AccessLog")]
    [InlineData(ProcessGroup.Services, "JpkiSimulator", "dotnet", "/repo/tools/JpkiSimulator/bin/Release/net10.0/MynaPlatform.JpkiSimulator.dll")]
    [InlineData(ProcessGroup.Broker, "beam.smp", "/usr/lib/erlang/erts-13.1.5/bin/beam.smp", "-W", "w")]
    [InlineData(ProcessGroup.Broker, "epmd", "epmd", "-port", "41245")]
    [InlineData(ProcessGroup.Broker, "sh (rabbitmq-server)", "/bin/sh", "/usr/lib/rabbitmq/bin/rabbitmq-server")]
    [InlineData(ProcessGroup.Other, "sleep", "sleep", "1")]
    public void Classify_CommandLine_NamesGroupAndProcess(ProcessGroup group, string name, params string[] commandLine)
    {
        var entry = PlatformProcesses.Classify(Process(1, 0, commandLine));

        Assert.Equal(group, entry.Group);
        Assert.Equal(name, entry.Name);
    }

    [Fact]
    public void Percentile_HundredLatencies_ReadsNearestRank()
    {
        var result = new OpenLoopResult(
            [.. Enumerable.Range(1, 100).Reverse().Select(value => new OpenLoopLogin(TimeSpan.Zero, value))], TimeSpan.FromSeconds(1), new LoadFailures(0, null));

        Assert.Equal(50, result.Percentile(0.50));
        Assert.Equal(99, result.Percentile(0.99));
    }

    [Fact]
    public void Over_SlowLogins_NamesWorstSecond()
    {
        OpenLoopLogin[] logins =
        [
            new(TimeSpan.FromSeconds(0.2), 10), new(TimeSpan.FromSeconds(1.1), 80), new(TimeSpan.FromSeconds(3.0), 60),
            new(TimeSpan.FromSeconds(3.5), 51), new(TimeSpan.FromSeconds(3.9), 50), new(TimeSpan.FromSeconds(4.4), 12),
        ];
        var result = new OpenLoopResult(logins, TimeSpan.FromSeconds(5), new LoadFailures(0, null));

        Assert.Equal(new SlowLogins(Count: 3, Seconds: 2, TotalSeconds: 5, WorstSecond: 3, WorstSecondCount: 2), result.Over(50));
    }

    [Fact]
    public void Over_NoSlowLogin_CountsNone()
    {
        var result = new OpenLoopResult([new OpenLoopLogin(TimeSpan.FromSeconds(1.5), 20)], TimeSpan.FromSeconds(2), new LoadFailures(0, null));

        Assert.Equal(new SlowLogins(0, 0, 2, 0, 0), result.Over(50));
    }

    private static ProcessInfo Process(int id, int parentId, params string[] commandLine) => new(id, parentId, commandLine, 1024, 512);
}
