using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Options;
using MynaPlatform.Notices.Api;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Recipients;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Partner;

/// <summary>
/// Stores pushed notices once per idempotency key: validates them, resolves their recipients with
/// one call to identity and stores them with their events. The result kept for the key is returned to
/// every retry with the same content.
/// </summary>
public sealed partial class NoticePushService(
    INoticeStore notices,
    PushKeyGuard guard,
    AgencyDirectory agencies,
    TimeProvider clock,
    IOptions<NoticesOptions> options,
    ILogger<NoticePushService> logger)
{
    public Task<IResult> PushSingleAsync(string agency, IdempotencyKey key, SinglePush push, CancellationToken cancellationToken)
    {
        var (item, readErrors) = push.Notice.ToPushItem();
        var fingerprint = PushFingerprint.ForSingle(item, [.. push.Attachments.Select(attachment => attachment.Digest)]);
        return guard.RunAsync(agency, key, fingerprint,
            (lease, token) => StoreSingleAsync(agency, lease.PushId, item, readErrors, push.Attachments, token), cancellationToken);
    }

    public Task<IResult> PushBatchAsync(string agency, IdempotencyKey key, IReadOnlyList<NoticePushRequest?> requests, CancellationToken cancellationToken)
    {
        var items = requests.Select(request => (request ?? new NoticePushRequest(null, null, null, null, null, null, null, null)).ToPushItem()).ToList();
        var fingerprint = PushFingerprint.ForBatch([.. items.Select(item => item.Item)]);
        return guard.RunAsync(agency, key, fingerprint, (lease, token) => StoreBatchAsync(agency, lease, items, token), cancellationToken);
    }

    private async Task<PushOutcome> StoreSingleAsync(
        string agency, Guid pushId, NoticePushItem item, IReadOnlyList<FieldError> readErrors, IReadOnlyList<NewAttachment> attachments,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var validation = NoticeValidator.Validate(item.Notice, now);
        if (readErrors.Count > 0 || !validation.IsValid)
        {
            return PushOutcome.Reject(NoticeProblems.Invalid([.. readErrors, .. validation.Errors]));
        }

        var recipient = item.Recipient!;
        var resolved = await agencies.ResolveAsync(agency, [recipient], cancellationToken);
        if (!resolved.TryGetValue(recipient, out var personId))
        {
            return PushOutcome.Reject(NoticeProblems.Status(StatusCodes.Status422UnprocessableEntity, "宛先が見つかりません。",
                PushReasons.UnknownRecipientMessage(recipient), PushReasons.UnknownRecipient));
        }

        var name = await agencies.GetDisplayNameAsync(agency, cancellationToken);
        var notice = NewNoticeOf(agency, name, pushId, 0, recipient, personId, validation.Notice, now, attachments);
        var stored = (await notices.AddAsync([notice], cancellationToken))[0];
        var state = await notices.FindForAgencyAsync(agency, stored.NoticeId, cancellationToken);

        Log.NoticePushed(logger, stored.NoticeId, agency, attachments.Count);
        var body = PushResponses.Single(stored.NoticeId, state!.VisibleAt, now);
        return PushOutcome.Keep(StatusCodes.Status201Created, JsonSerializer.Serialize(body, PushResponses.Json));
    }

    private async Task<PushOutcome> StoreBatchAsync(
        string agency, PushLease lease, IReadOnlyList<(NoticePushItem Item, IReadOnlyList<FieldError> Errors)> items, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var results = new BatchItemResult?[items.Count];
        var valid = new List<(int Index, string Recipient, ValidNotice Notice)>();
        for (var index = 0; index < items.Count; index++)
        {
            var (item, readErrors) = items[index];
            var validation = NoticeValidator.Validate(item.Notice, now);
            if (readErrors.Count > 0 || !validation.IsValid)
            {
                results[index] = PushResponses.Invalid(index, [.. readErrors, .. validation.Errors]);
                continue;
            }

            valid.Add((index, item.Recipient!, validation.Notice));
        }

        var resolved = await agencies.ResolveAsync(agency, [.. valid.Select(item => item.Recipient).Distinct(StringComparer.Ordinal)], cancellationToken);
        var name = await agencies.GetDisplayNameAsync(agency, cancellationToken);
        var accepted = new List<NewNotice>(valid.Count);
        foreach (var (index, recipient, notice) in valid)
        {
            if (resolved.TryGetValue(recipient, out var personId))
            {
                accepted.Add(NewNoticeOf(agency, name, lease.PushId, index, recipient, personId, notice, now, []));
            }
            else
            {
                results[index] = PushResponses.Invalid(index, [new FieldError(NoticePushRequest.RecipientField, PushReasons.UnknownRecipientMessage(recipient))])
                    with { Reason = PushReasons.UnknownRecipient };
            }
        }

        foreach (var chunk in accepted.Chunk(options.Value.BatchChunkSize))
        {
            foreach (var stored in await notices.AddAsync(chunk, cancellationToken))
            {
                results[stored.ItemIndex] = new BatchItemResult(stored.ItemIndex, PushReasons.Accepted, stored.NoticeId);
            }

            await lease.RenewAsync(cancellationToken);
        }

        var batch = new BatchResult(accepted.Count, items.Count - accepted.Count, results!);
        Log.BatchPushed(logger, agency, batch.Accepted, batch.Rejected, watch.ElapsedMilliseconds);
        return PushOutcome.Keep(StatusCodes.Status200OK, JsonSerializer.Serialize(batch, PushResponses.Json));
    }

    private static NewNotice NewNoticeOf(
        string agency, string agencyName, Guid pushId, int index, string recipient, string personId, ValidNotice notice, DateTimeOffset now,
        IReadOnlyList<NewAttachment> attachments) =>
        new(Guid.CreateVersion7(), pushId, index, agency, agencyName, recipient, personId, notice, notice.PublishAt ?? now, now, attachments);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "NoticePushed", Level = LogLevel.Information,
            Message = "Stored notice {NoticeId} from agency {AgencyClientId} with {AttachmentCount} attachments")]
        public static partial void NoticePushed(ILogger logger, Guid noticeId, string agencyClientId, int attachmentCount);

        [LoggerMessage(EventId = 2, EventName = "BatchPushed", Level = LogLevel.Information,
            Message = "Stored a batch from agency {AgencyClientId}: {Accepted} accepted, {Rejected} rejected in {ElapsedMilliseconds} ms")]
        public static partial void BatchPushed(ILogger logger, string agencyClientId, int accepted, int rejected, long elapsedMilliseconds);
    }
}
