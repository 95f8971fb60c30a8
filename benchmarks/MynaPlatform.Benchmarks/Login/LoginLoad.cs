using System.Diagnostics;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Platform;

namespace MynaPlatform.Benchmarks.Login;

/// <summary>Logins that failed during a load phase, with the first failure's reason.</summary>
public sealed record LoadFailures(long Count, string? First);

/// <summary>One login of an open loop: when it was scheduled to start, and its latency from then.</summary>
public sealed record OpenLoopLogin(TimeSpan Scheduled, double LatencyMilliseconds);

/// <summary>
/// Where an open loop's slow logins were: how many, in how many of the loop's seconds (by scheduled
/// start), and the second that contained the most of them. Many slow logins in a few seconds point
/// to a stall, and a few in most seconds point to queueing.
/// </summary>
public sealed record SlowLogins(int Count, int Seconds, int TotalSeconds, int WorstSecond, int WorstSecondCount);

/// <summary>Result of one open-loop phase: latency of each login from its scheduled start.</summary>
public sealed record OpenLoopResult(IReadOnlyList<OpenLoopLogin> Logins, TimeSpan Elapsed, LoadFailures Failures)
{
    public IEnumerable<double> LatencyMilliseconds => Logins.Select(login => login.LatencyMilliseconds);

    public double Percentile(double fraction)
    {
        var sorted = LatencyMilliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }

    /// <summary>Returns where the logins slower than <paramref name="thresholdMilliseconds"/> started.</summary>
    public SlowLogins Over(double thresholdMilliseconds)
    {
        var bySecond = Logins
            .Where(login => login.LatencyMilliseconds > thresholdMilliseconds)
            .GroupBy(login => (int)login.Scheduled.TotalSeconds)
            .Select(second => (Second: second.Key, Count: second.Count()))
            .OrderByDescending(second => second.Count).ThenBy(second => second.Second)
            .ToList();
        var totalSeconds = Logins.Count == 0 ? 0 : (int)Logins.Max(login => login.Scheduled.TotalSeconds) + 1;
        return bySecond.Count == 0
            ? new SlowLogins(0, 0, totalSeconds, 0, 0)
            : new SlowLogins(bySecond.Sum(second => second.Count), bySecond.Count, totalSeconds, bySecond[0].Second, bySecond[0].Count);
    }
}

/// <summary>
/// Full logins through the gateway, as <c>myna-card login</c> makes them: a challenge, the card's
/// signature made here, and the JPKI grant at the token endpoint. Cards are used in turn.
/// </summary>
public sealed class LoginLoad(LoginClient client, IReadOnlyList<BenchmarkCard> cards)
{
    private long _next;
    private long _failures;
    private string? _firstFailure;

    /// <summary>Logs in once and returns the access token.</summary>
    public async Task<string> LoginAsync(BenchmarkCard card, CancellationToken cancellationToken)
    {
        var challenge = await client.GetChallengeAsync(cancellationToken);
        var tokens = await client.GetTokensAsync(card.Prove(challenge), cancellationToken);
        return tokens.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new BenchmarkException("The token endpoint returned no access_token.");
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> callers each log in again as soon as the last login ends.</summary>
    public async Task<(Measurement Logins, LoadFailures Failures)> RunClosedLoopAsync(int concurrency, TimeSpan duration)
    {
        ResetFailures();
        long completed = 0;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                if (await TryLoginAsync())
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        await Task.WhenAll(callers);
        return (new Measurement("full login (closed loop)", completed, clock.Elapsed), Failures);
    }

    /// <summary>
    /// Open loop: logins start on a fixed schedule of <paramref name="ratePerSecond"/>, whether or not
    /// earlier ones have finished, and each latency counts from the scheduled start, so a slow
    /// platform cannot hide queueing by delaying the next request.
    /// </summary>
    public async Task<OpenLoopResult> RunOpenLoopAsync(double ratePerSecond, TimeSpan duration)
    {
        ResetFailures();
        var interval = TimeSpan.FromSeconds(1 / ratePerSecond);
        var logins = new List<OpenLoopLogin>();
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var index = 0L; ; index++)
        {
            var scheduled = interval * index;
            if (scheduled >= duration)
            {
                break;
            }

            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            running.Add(Task.Run(async () =>
            {
                if (await TryLoginAsync())
                {
                    var latency = (clock.Elapsed - scheduled).TotalMilliseconds;
                    lock (logins)
                    {
                        logins.Add(new OpenLoopLogin(scheduled, latency));
                    }
                }
            }));
        }

        await Task.WhenAll(running);
        return new OpenLoopResult(logins, clock.Elapsed, Failures);
    }

    private LoadFailures Failures => new(Interlocked.Read(ref _failures), _firstFailure);

    private void ResetFailures()
    {
        _failures = 0;
        _firstFailure = null;
    }

    private async Task<bool> TryLoginAsync()
    {
        var card = cards[(int)(Interlocked.Increment(ref _next) % cards.Count)];
        try
        {
            await LoginAsync(card, CancellationToken.None);
            return true;
        }
        catch (CardException failure)
        {
            Interlocked.Increment(ref _failures);
            Interlocked.CompareExchange(ref _firstFailure, $"{failure.ReasonCode}: {failure.Subject}", null);
            return false;
        }
    }
}
