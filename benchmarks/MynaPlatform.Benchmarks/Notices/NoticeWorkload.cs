using System.Globalization;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Benchmarks.Notices;

/// <summary>One notice of the workload as an agency pushes it: the recipient is the agency's own identifier for the person.</summary>
public sealed record WorkloadNotice(string Recipient, string Title, string Body, string Category);

/// <summary>
/// The notices of the bulk-notices benchmark: tax notices of about 120 characters, given to the
/// recipients in turn, so that each person receives about the same number. The same notices go
/// through the gateway and into the raw insert.
/// </summary>
public sealed class NoticeWorkload(IReadOnlyList<string> recipients, long total, int batchSize)
{
    public const string Category = "tax";

    public long Total => total;

    public int BatchSize => batchSize;

    public int BatchCount => (int)((total + batchSize - 1) / batchSize);

    public IReadOnlyList<string> Recipients => recipients;

    /// <summary>Returns the notices of batch <paramref name="batch"/> (from 0); the last batch may be shorter.</summary>
    public IReadOnlyList<WorkloadNotice> Batch(int batch)
    {
        var first = (long)batch * batchSize;
        var count = (int)Math.Min(batchSize, total - first);
        var notices = new WorkloadNotice[count];
        for (var index = 0; index < count; index++)
        {
            var number = first + index;
            notices[index] = new WorkloadNotice(
                recipients[(int)(number % recipients.Count)],
                $"令和8年度 住民税の納付のお知らせ（第{number.ToString(CultureInfo.InvariantCulture)}号）",
                "令和8年度の住民税の税額が決定しました。納付書を添えてお知らせします。" +
                "第1期の納期限は6月30日です。口座振替をご利用の方は、納期限の日に引き落とします。" +
                "ご不明な点は市役所税務課までお問い合わせください。",
                Category);
        }

        return notices;
    }

    /// <summary>Validates a notice with the notices domain's own validator, as the service does before it stores one.</summary>
    public static ValidNotice Validate(WorkloadNotice notice, DateTimeOffset now)
    {
        var result = NoticeValidator.Validate(new NoticeDraft(notice.Title, notice.Body, null, notice.Category), now);
        return result.IsValid
            ? result.Notice
            : throw new BenchmarkException($"The workload's notice is invalid: {string.Join("; ", result.Errors.Select(error => error.Message))}");
    }
}
