namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// Rules for the optional publish time and expiry. A publish time may lie at most
/// <see cref="NoticeLimits.PublishAtMaxPast"/> before the push (it then means "now") and at most
/// <see cref="NoticeLimits.PublishAtMaxFutureYears"/> after it. An expiry must be later than the time
/// the notice becomes visible (the publish time, or the push when that is later) and at most
/// <see cref="NoticeLimits.ExpiresAtMaxYearsAfterPublish"/> years after it.
/// </summary>
internal static class NoticeTimes
{
    public static void Check(DateTimeOffset? publishAt, DateTimeOffset? expiresAt, DateTimeOffset now, List<FieldError> errors)
    {
        if (publishAt is { } publish)
        {
            if (publish < now - NoticeLimits.PublishAtMaxPast)
            {
                errors.Add(new(NoticeFields.PublishAt,
                    $"公開日時（publishAt）が{NoticeLimits.PublishAtMaxPast.TotalHours:0}時間より前です。すぐに公開する場合は publishAt を省略してください。"));
            }
            else if (publish > now.AddYears(NoticeLimits.PublishAtMaxFutureYears))
            {
                errors.Add(new(NoticeFields.PublishAt,
                    $"公開日時（publishAt）が先すぎます。現在から{NoticeLimits.PublishAtMaxFutureYears}年以内にしてください。"));
            }
        }

        if (expiresAt is not { } expiry)
        {
            return;
        }

        var visibleFrom = publishAt is { } start && start > now ? start : now;
        if (expiry <= visibleFrom)
        {
            var message = publishAt is null
                ? "掲載期限（expiresAt）が現在より前です。現在より後の日時にするか、期限がなければ省略してください。"
                : "掲載期限（expiresAt）が公開日時（publishAt）以前です。公開日時と現在のどちらよりも後の日時にしてください。";
            errors.Add(new(NoticeFields.ExpiresAt, message));
        }
        else if (expiry > visibleFrom.AddYears(NoticeLimits.ExpiresAtMaxYearsAfterPublish))
        {
            errors.Add(new(NoticeFields.ExpiresAt,
                $"掲載期限（expiresAt）が先すぎます。公開から{NoticeLimits.ExpiresAtMaxYearsAfterPublish}年以内にしてください。"));
        }
    }
}
