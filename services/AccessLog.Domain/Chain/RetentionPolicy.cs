namespace MynaPlatform.AccessLog.Domain.Chain;

/// <summary>
/// How long entries are kept: 7 years by default, because the law requires exchange records to be
/// kept for 7 years. Entry times never decrease, so the entries to remove are always a prefix of
/// the chain, and a signed checkpoint for the last of them lets the rest verify.
/// </summary>
public sealed record RetentionPolicy(int Years = RetentionPolicy.DefaultYears)
{
    public const int DefaultYears = 7;

    /// <summary>Returns the instant before which entries may be removed.</summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Years, 1, nameof(Years));
        return now.ToUniversalTime().AddYears(-Years);
    }

    /// <summary>
    /// Returns the last entry to remove from <paramref name="entries"/> (in sequence order), or null
    /// when none is old enough. The caller removes it and every entry before it, and stores the
    /// checkpoint signed for it in the same transaction.
    /// </summary>
    /// <remarks>
    /// NOTE: a withheld record older than the cutoff is removed even if the person never saw it,
    /// because no rule we know of says whether a longer withholding extends the 7 years.
    /// </remarks>
    public ChainEntry? LastToRemove(IEnumerable<ChainEntry> entries, DateTimeOffset now)
    {
        var cutoff = CutoffAt(now);
        return entries.TakeWhile(entry => entry.RecordedAt < cutoff).LastOrDefault();
    }
}
