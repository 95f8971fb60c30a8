namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// Limits on a pushed notice. Title and body lengths count text elements (what a person sees as one
/// character, such as が or 👨‍👩‍👧) after NFC normalisation.
/// </summary>
public static class NoticeLimits
{
    public const int TitleMaxTextElements = 100;
    public const int BodyMaxTextElements = 20_000;

    // A text element can hold any number of combining marks, so storage and rendering are also
    // bounded in UTF-16 code units. Ten per character leaves room for emoji sequences such as
    // 👨‍👩‍👧 (eight code units) while stopping text buried under stacked combining marks.
    public const int TitleMaxCodeUnits = TitleMaxTextElements * 10;
    public const int BodyMaxCodeUnits = BodyMaxTextElements * 10;

    public const int PaymentReferenceMaxLength = 64;

    /// <summary>How far before the time of the push a publish time may lie (clock skew, queued batches).</summary>
    public static readonly TimeSpan PublishAtMaxPast = TimeSpan.FromDays(1);

    /// <summary>How many years after the time of the push a notice may be scheduled.</summary>
    public const int PublishAtMaxFutureYears = 1;

    /// <summary>How many years after it becomes visible a notice may stay before it expires.</summary>
    public const int ExpiresAtMaxYearsAfterPublish = 10;
}
