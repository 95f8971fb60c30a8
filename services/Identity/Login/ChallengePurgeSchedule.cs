namespace MynaPlatform.Identity.Login;

/// <summary>
/// Decides when the next purge of long-expired login challenges is due, so that one challenge
/// request per <see cref="Interval"/> in this process runs it.
/// </summary>
public sealed class ChallengePurgeSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private long _nextPurgeAtMilliseconds = long.MinValue;

    /// <summary>Returns true for exactly one caller once the interval has passed, and moves the next purge on.</summary>
    public bool TryClaim(DateTimeOffset now)
    {
        var nowMilliseconds = now.ToUnixTimeMilliseconds();
        var due = Interlocked.Read(ref _nextPurgeAtMilliseconds);
        if (nowMilliseconds < due)
        {
            return false;
        }

        var next = nowMilliseconds + (long)Interval.TotalMilliseconds;
        return Interlocked.CompareExchange(ref _nextPurgeAtMilliseconds, next, due) == due;
    }
}
