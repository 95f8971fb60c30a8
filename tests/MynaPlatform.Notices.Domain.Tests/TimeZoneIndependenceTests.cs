using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

/// <summary>
/// Runs <see cref="TimeZoneProbeTests"/> in child processes of this test assembly with TZ set,
/// because <see cref="TimeZoneInfo.Local"/> is fixed for the life of a process.
/// </summary>
public sealed class TimeZoneIndependenceTests
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("Asia/Tokyo", 540)]
    [InlineData("America/New_York", -300)]
    [InlineData("Pacific/Kiritimati", 840)]
    public async Task JapanTime_ChildProcessZone_GivesSameResult(string zone, int winterOffsetMinutes)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("TZ selects the local time zone only on Unix.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Assert.Skip($"The {zone} zone is not installed.");
        }

        var start = StartInfo();
        start.Environment["TZ"] = zone;
        start.Environment[TimeZoneProbeTests.ExpectedOffsetVariable] = winterOffsetMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(TimeZoneProbeTests).FullName!);

        using var child = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ChildTimeout);
        var output = child.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = child.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        var log = await output + await errors;
        Assert.True(child.ExitCode == 0, $"Probe under TZ={zone} failed with exit code {child.ExitCode}:\n{log}");
        Assert.Contains("Total: 1", log);
        Assert.Contains("Failed: 0", log);
    }

    // The test assembly is an executable, and its apphost runs xunit's own runner, which accepts -class.
    private static ProcessStartInfo StartInfo()
    {
        var assembly = typeof(TimeZoneIndependenceTests).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, null);
        var start = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { assembly } };

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
