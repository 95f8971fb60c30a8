using Grpc.Core;
using Microsoft.Extensions.Options;
using MynaPlatform.Notices.Api;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Partner;

/// <summary>What a push produced: a response to keep for its key, or a rejection that frees the key.</summary>
public sealed record PushOutcome(StoredResponse? Kept, IResult? Rejection)
{
    public static PushOutcome Keep(int statusCode, string body) => new(new StoredResponse(statusCode, body), null);

    public static PushOutcome Reject(IResult rejection) => new(null, rejection);
}

/// <summary>The key a push holds; a long push renews it so that no retry takes it over meanwhile.</summary>
public sealed class PushLease(IPushKeyStore keys, TimeProvider clock, TimeSpan lease, string agency, string key, Guid pushId)
{
    public Guid PushId { get; } = pushId;

    public Task RenewAsync(CancellationToken cancellationToken) =>
        keys.RenewAsync(agency, key, PushId, clock.GetUtcNow() + lease, cancellationToken);

    /// <summary>Ends the lease without a result, so that the next claim takes over this push at once.</summary>
    public Task EndLeaseAsync(CancellationToken cancellationToken) =>
        keys.RenewAsync(agency, key, PushId, clock.GetUtcNow(), cancellationToken);

    public Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken) =>
        keys.CompleteAsync(agency, key, PushId, response, cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken) => keys.ReleaseAsync(agency, key, PushId, cancellationToken);
}

/// <summary>
/// Runs a push at most once per agency and idempotency key within the key's retention. The same
/// content gets the kept response again (with <c>Idempotent-Replayed: true</c>), other content 409,
/// and a request that arrives while the first still runs waits for it.
/// </summary>
public sealed partial class PushKeyGuard(
    IPushKeyStore keys, PushKeyLocks locks, TimeProvider clock, IOptions<NoticesOptions> options, ILogger<PushKeyGuard> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<IResult> RunAsync(
        string agency, IdempotencyKey key, PushFingerprint fingerprint, Func<PushLease, CancellationToken, Task<PushOutcome>> push,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var hold = await locks.AcquireAsync(agency, key.Value, settings.IdempotencyMaxWait, cancellationToken);
        if (hold is null)
        {
            return StillRunning();
        }

        var deadline = clock.GetUtcNow() + settings.IdempotencyMaxWait;
        while (true)
        {
            var now = clock.GetUtcNow();
            var claim = await keys.ClaimAsync(agency, key.Value, fingerprint.Sha256, now, settings.IdempotencyLease, settings.IdempotencyRetention, cancellationToken);
            switch (claim.Status)
            {
                case PushClaimStatus.Completed:
                    Log.Replayed(logger, agency, claim.PushId);
                    return new KeptResponseResult(claim.Response!, Replayed: true);

                case PushClaimStatus.ContentMismatch:
                    Log.ContentMismatch(logger, agency, claim.PushId);
                    return NoticeProblems.Status(StatusCodes.Status409Conflict, "Idempotency-Key が別の内容で使われています。",
                        $"この {IdempotencyKey.HeaderName} は24時間以内に別の内容の送信で使われました。内容を変えて送る場合は新しいキーを付けてください。",
                        "idempotency_key_reused");

                case PushClaimStatus.InProgress when now < deadline:
                    // Another instance holds the key; its lease lapses if it died.
                    await Task.Delay(PollInterval, clock, cancellationToken);
                    continue;

                case PushClaimStatus.InProgress:
                    return StillRunning();
            }

            return await RunClaimedAsync(new PushLease(keys, clock, settings.IdempotencyLease, agency, key.Value, claim.PushId), push, cancellationToken);
        }
    }

    private async Task<IResult> RunClaimedAsync(PushLease lease, Func<PushLease, CancellationToken, Task<PushOutcome>> push, CancellationToken cancellationToken)
    {
        PushOutcome outcome;
        try
        {
            outcome = await push(lease, cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            Log.IdentityUnavailable(logger, exception, lease.PushId);
            outcome = PushOutcome.Reject(NoticeProblems.Status(StatusCodes.Status503ServiceUnavailable, "宛先を確認できませんでした。",
                "宛先を確認するサービスに一時的に接続できません。同じ Idempotency-Key で、しばらくしてから送り直してください。"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lease ends now instead of lapsing later, so a retry takes over this push id at once
            // and finds what was stored before the failure under it.
            Log.PushFailed(logger, exception, lease.PushId);
            await lease.EndLeaseAsync(CancellationToken.None);
            throw;
        }

        if (outcome.Kept is { } kept)
        {
            // Kept even when the caller left, so that its retry gets this result instead of running again.
            await lease.CompleteAsync(kept, CancellationToken.None);
            return new KeptResponseResult(kept, Replayed: false);
        }

        await lease.ReleaseAsync(cancellationToken);
        return outcome.Rejection!;
    }

    private static IResult StillRunning() =>
        NoticeProblems.Status(StatusCodes.Status409Conflict, "同じ Idempotency-Key の送信を処理中です。",
            "同じキーの先の送信がまだ終わっていません。少し待ってから同じ内容と同じキーで送り直すと、その結果が返ります。", "idempotency_key_in_use");

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, EventName = "PushReplayed", Level = LogLevel.Information,
            Message = "Returned the kept result of push {PushId} to agency {AgencyClientId}")]
        public static partial void Replayed(ILogger logger, string agencyClientId, Guid pushId);

        [LoggerMessage(EventId = 11, EventName = "IdempotencyKeyReused", Level = LogLevel.Information,
            Message = "Agency {AgencyClientId} reused the key of push {PushId} for other content")]
        public static partial void ContentMismatch(ILogger logger, string agencyClientId, Guid pushId);

        [LoggerMessage(EventId = 12, EventName = "IdentityUnavailable", Level = LogLevel.Warning,
            Message = "Could not resolve the recipients of push {PushId}")]
        public static partial void IdentityUnavailable(ILogger logger, Exception exception, Guid pushId);

        [LoggerMessage(EventId = 13, EventName = "PushFailed", Level = LogLevel.Error,
            Message = "Push {PushId} failed; a retry with its idempotency key takes it over")]
        public static partial void PushFailed(ILogger logger, Exception exception, Guid pushId);
    }
}

/// <summary>Writes a kept push response as it was first sent.</summary>
public sealed record KeptResponseResult(StoredResponse Response, bool Replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Response.StatusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (Replayed)
        {
            httpContext.Response.Headers[PushKeyGuard.ReplayedHeader] = "true";
        }

        await httpContext.Response.WriteAsync(Response.Body, httpContext.RequestAborted);
    }
}
