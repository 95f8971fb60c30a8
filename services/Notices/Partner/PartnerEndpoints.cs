using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MynaPlatform.Authentication;
using MynaPlatform.Notices.Api;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Inbox;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Partner;

/// <summary>
/// The agency's API: push one notice (JSON, or multipart with PDF attachments) or a batch, read the
/// state of its notices and withdraw an unread one. The sender is always the calling client.
/// </summary>
public static class PartnerEndpoints
{
    public const string NoticesPath = $"/api/{NoticesServiceExtensions.RoutePrefix}/partner/notices";

    /// <summary>Five attachments of 5 MiB and room for the notice and the multipart framing; the gateway's route limit matches.</summary>
    public const long SinglePushMaxBytes = 26L * 1024 * 1024;

    /// <summary>10,000 notices of about 3 KB of JSON each; the gateway's route limit matches.</summary>
    public const long BatchMaxBytes = 32L * 1024 * 1024;

    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder routes)
    {
        var partner = routes.MapGroup(NoticesPath).WithTags("Partner").RequireClient(PlatformScopes.NoticesWrite);

        partner.MapPost("", PushAsync)
            .WithName("PushNotice")
            .WithSummary("Pushes one notice as JSON, or as multipart/form-data with up to five PDF attachments.")
            .WithMetadata(new RequestSizeLimitAttribute(SinglePushMaxBytes));

        partner.MapPost("/batch", PushBatchAsync)
            .WithName("PushNoticeBatch")
            .WithSummary("Pushes up to 10,000 notices and returns a result for each item by its index.")
            .WithMetadata(new RequestSizeLimitAttribute(BatchMaxBytes));

        partner.MapGet("", ListAsync)
            .WithName("ListAgencyNotices")
            .WithSummary("Lists the agency's notices with their states, newest push first.");

        partner.MapGet("/{noticeId:guid}", GetStateAsync)
            .WithName("GetNoticeState")
            .WithSummary("Returns the state of one of the agency's notices: scheduled, published, read, withdrawn or expired.");

        partner.MapPost("/{noticeId:guid}/withdraw", WithdrawAsync)
            .WithName("WithdrawNotice")
            .WithSummary("Withdraws one of the agency's notices that the person has not read.");

        partner.MapMalformed($"/{{{MalformedRouteValues.NoticeId}}}", HttpMethods.Get).WithLiteralSibling("batch", HttpMethods.Post);
        partner.MapMalformed($"/{{{MalformedRouteValues.NoticeId}}}/withdraw", HttpMethods.Post);
        return routes;
    }

    private static async Task<IResult> PushAsync(HttpRequest request, ClaimsPrincipal user, NoticePushService pushes, CancellationToken cancellationToken)
    {
        if (!TryReadKey(request, out var key, out var keyProblem))
        {
            return keyProblem;
        }

        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var (push, errors) = await MultipartPushReader.ReadAsync(request, cancellationToken);
            return push is null
                ? NoticeProblems.Invalid(errors)
                : await pushes.PushSingleAsync(AgencyOf(user), key, push, cancellationToken);
        }

        if (!request.HasJsonContentType())
        {
            return UnsupportedContentType();
        }

        var (notice, error) = await PushJson.ReadAsync<NoticePushRequest>(request.Body, cancellationToken);
        return notice is null
            ? NoticeProblems.Invalid([error!])
            : await pushes.PushSingleAsync(AgencyOf(user), key, new SinglePush(notice, []), cancellationToken);
    }

    private static async Task<IResult> PushBatchAsync(HttpRequest request, ClaimsPrincipal user, NoticePushService pushes, CancellationToken cancellationToken)
    {
        if (!TryReadKey(request, out var key, out var keyProblem))
        {
            return keyProblem;
        }

        if (!request.HasJsonContentType())
        {
            return UnsupportedContentType();
        }

        var (batch, error) = await PushJson.ReadAsync<NoticeBatchRequest>(request.Body, cancellationToken);
        if (batch is null)
        {
            return NoticeProblems.Invalid([error!]);
        }

        if (batch.Items is not { Count: > 0 and <= NoticeBatchRequest.MaxItems } items)
        {
            return NoticeProblems.Invalid(NoticeBatchRequest.ItemsField,
                $"お知らせの一覧（items）には1件以上{NoticeBatchRequest.MaxItems:N0}件以下を入れてください（現在{batch.Items?.Count ?? 0:N0}件）。多い場合は複数のリクエストに分けてください。");
        }

        // A null item is a value of the wrong JSON type, which rejects the whole batch like the others.
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is null)
            {
                var field = $"{NoticeBatchRequest.ItemsField}[{index}]";
                return NoticeProblems.Invalid(field, $"項目 '{field}' が null です。お知らせを JSON オブジェクト ({{ ... }}) で指定してください。");
            }
        }

        return await pushes.PushBatchAsync(AgencyOf(user), key, items, cancellationToken);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var (page, pageSize) = InboxQuery.ParsePaging(request.Query, errors);
        if (errors.Count > 0)
        {
            return NoticeProblems.Invalid(errors, "検索条件に誤りがあります。");
        }

        var now = clock.GetUtcNow();
        var (states, total) = await notices.ListForAgencyAsync(AgencyOf(user), page, pageSize, cancellationToken);
        return TypedResults.Ok(new AgencyNoticePage(page, pageSize, total, [.. states.Select(state => AgencyNoticeView.From(state, now))]));
    }

    private static async Task<IResult> GetStateAsync(Guid noticeId, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        var state = await notices.FindForAgencyAsync(AgencyOf(user), noticeId, cancellationToken);
        return state is null ? NotFound() : TypedResults.Ok(AgencyNoticeView.From(state, clock.GetUtcNow()));
    }

    private static async Task<IResult> WithdrawAsync(Guid noticeId, ClaimsPrincipal user, INoticeStore notices, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outcome = await notices.WithdrawAsync(AgencyOf(user), noticeId, now, cancellationToken);
        return outcome.Result switch
        {
            WithdrawResult.NotFound => NotFound(),
            WithdrawResult.AlreadyRead => NoticeProblems.Status(StatusCodes.Status409Conflict, "既に読まれたお知らせは取り下げできません。",
                $"このお知らせは{JapanTime.FormatDateTime(outcome.State!.ReadAt!.Value)}に本人が開封しました。訂正が必要な場合は、訂正のお知らせを新たに送ってください。",
                "already_read"),
            _ => TypedResults.Ok(AgencyNoticeView.From(outcome.State!, now)),
        };
    }

    private static bool TryReadKey(HttpRequest request, out IdempotencyKey key, out IResult problem)
    {
        var values = request.Headers[IdempotencyKey.HeaderName];
        string? error;
        if (values.Count > 1)
        {
            error = $"{IdempotencyKey.HeaderName} ヘッダーが複数あります。キーを1つだけ付けて送ってください。";
        }
        else if (IdempotencyKey.TryParse(values.ToString(), out var parsed, out error))
        {
            key = parsed.Value;
            problem = null!;
            return true;
        }

        key = default;
        problem = NoticeProblems.Invalid(IdempotencyKey.HeaderName, error);
        return false;
    }

    private static string AgencyOf(ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.Subject)!;

    private static IResult NotFound() =>
        NoticeProblems.Status(StatusCodes.Status404NotFound, "お知らせが見つかりません。",
            "この機関が送ったお知らせの中に、指定された noticeId のものはありません。送信時に返された noticeId を指定してください。");

    private static IResult UnsupportedContentType() =>
        NoticeProblems.Status(StatusCodes.Status415UnsupportedMediaType, "本文の形式が使えません。",
            "Content-Type を application/json（添付ファイルがある場合は multipart/form-data）にして送ってください。");
}

public sealed record AgencyNoticePage(int Page, int PageSize, int Total, IReadOnlyList<AgencyNoticeView> Items);

/// <summary>The state of a notice as its agency reads it, with times in Japan time.</summary>
public sealed record AgencyNoticeView(
    Guid NoticeId,
    string Recipient,
    string Category,
    string State,
    DateTimeOffset PublishAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? WithdrawnAt,
    DateTimeOffset? ExpiresAt)
{
    public static AgencyNoticeView From(AgencyNoticeState state, DateTimeOffset now)
    {
        var status = state switch
        {
            { WithdrawnAt: not null } => "withdrawn",
            { ReadAt: not null } => "read",
            { ExpiresAt: { } expiry } when expiry <= now => "expired",
            { PublishedAt: not null } => "published",
            _ => "scheduled",
        };

        return new AgencyNoticeView(state.NoticeId, state.Recipient, state.Category, status, JapanTime.ToJapanTime(state.VisibleAt),
            Japan(state.PublishedAt), Japan(state.ReadAt), Japan(state.WithdrawnAt), Japan(state.ExpiresAt));
    }

    private static DateTimeOffset? Japan(DateTimeOffset? instant) => instant is { } value ? JapanTime.ToJapanTime(value) : null;
}
