using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Storage.Tests.Sqlite;

/// <summary>
/// Runs the SQLite inbox's Japan-date period test in child processes under other TZ values, because
/// <see cref="TimeZoneInfo.Local"/> is fixed for the life of a process.
/// </summary>
public sealed class NoticePeriodTimeZoneTests
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    public async Task PeriodFilter_ServerZone_SameResult(string zone)
    {
        if (!OperatingSystem.IsLinux() || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Assert.Skip($"TZ={zone} cannot be selected on this machine.");
        }

        var assembly = typeof(NoticePeriodTimeZoneTests).Assembly.Location;
        var start = new ProcessStartInfo(Path.ChangeExtension(assembly, null))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TZ"] = zone },
            ArgumentList = { "-method", $"{typeof(SqliteNoticeStoreTests).FullName}.{nameof(SqliteNoticeStoreTests.List_JapanDatePeriod_IncludesBothEndDays)}" },
        };

        using var child = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ChildTimeout);
        var output = child.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = child.StandardError.ReadToEndAsync(timeout.Token);
        await child.WaitForExitAsync(timeout.Token);

        var log = await output + await errors;
        Assert.True(child.ExitCode == 0, $"The period test under TZ={zone} failed with exit code {child.ExitCode}:\n{log}");
        Assert.Contains("Total: 1", log);
        Assert.Contains("Failed: 0", log);
    }
}
