namespace MynaPlatform.Benchmarks.Platform;

/// <summary>Runs a sampling action at a fixed interval in the background until its token is cancelled.</summary>
internal static class PeriodicSampling
{
    public static Task Start(TimeSpan interval, Action sample, CancellationToken stop) => Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelling the token stops the loop.
        }
    });
}
