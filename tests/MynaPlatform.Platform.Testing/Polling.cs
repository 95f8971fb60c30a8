using System.Diagnostics;
using Xunit;

namespace MynaPlatform.Platform.Testing;

/// <summary>Waits for a condition by polling, with a timeout, never a fixed sleep.</summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the time until <paramref name="condition"/> first held; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Timed out after {timeout.TotalSeconds:0.#} s waiting until {description}.");
            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }

        return watch.Elapsed;
    }
}
