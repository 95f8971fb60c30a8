using System.Security.Claims;
using MynaPlatform.Authentication;
using MynaPlatform.Contracts.Access;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;
using MynaPlatform.Text;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>
/// The operators' API: reading a person's records with a stated reason (an access event) and
/// reviewing flags. Clearing a flag shows the record again, as it was.
/// </summary>
public static partial class OperatorEndpoints
{
    public const int MaxReasonLength = 200;

    public static RouteGroupBuilder MapOperatorEndpoints(this RouteGroupBuilder api)
    {
        var operators = api.MapGroup("/operator").WithTags("Operator").RequireClient(PlatformScopes.SelfInfoOperator);

        operators.MapGet("/persons/{personId}/records", ReadPersonAsync)
            .WithName("OperatorReadPersonRecords")
            .WithSummary("Reads a person's records for a stated reason; each read is an access event.");

        operators.MapGet("/flags", ListFlagsAsync)
            .WithName("OperatorListFlags")
            .WithSummary("Lists every open flag, oldest first.");

        operators.MapPost("/flags/{flagId}/clear", ClearFlagAsync)
            .WithName("OperatorClearFlag")
            .WithSummary("Closes a flag after review, so the record is shown again.");

        return api;
    }

    private static async Task<IResult> ReadPersonAsync(
        string personId, string? reason, ClaimsPrincipal user, ISelfInfoStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!IsPersonId(personId))
        {
            return SelfInfoProblems.Invalid("personId", $"本人の PersonId (英小文字と数字の 16 進数 {PersonIdLength} 桁) を指定してください。");
        }

        if (InvalidReason(reason, "理由は本人のアクセス記録に表示されます。") is { } invalid)
        {
            return invalid;
        }

        var access = new AccessContext(new Accessor(AccessorKind.Operator, OperatorId(user)), reason!.Trim(), clock.GetUtcNow());
        var records = await store.ReadForOperatorAsync(personId, access, cancellationToken);
        return TypedResults.Ok(new OperatorRecordListView([.. records.Select(PersonRecordView.From)]));
    }

    private static async Task<IResult> ListFlagsAsync(ISelfInfoStore store, CancellationToken cancellationToken)
    {
        var flags = await store.ListOpenFlagsAsync(null, cancellationToken);
        return TypedResults.Ok(new OperatorFlagListView([.. flags.Select(OperatorFlagView.From)]));
    }

    private static async Task<IResult> ClearFlagAsync(
        string flagId, ClearFlagRequest? request, ClaimsPrincipal user, ISelfInfoStore store, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(flagId, out var id))
        {
            return SelfInfoProblems.Invalid("flagId", "申し出の ID (一覧で返された flagId、UUID 形式) を指定してください。");
        }

        if (InvalidReason(request?.Reason, "確認の結果として申し出とともに記録されます。") is { } invalid)
        {
            return invalid;
        }

        if (!await store.ClearFlagAsync(id, OperatorId(user), request!.Reason!.Trim(), clock.GetUtcNow(), cancellationToken))
        {
            return SelfInfoProblems.NotFound("申し出が見つかりません。",
                "flagId に当たる未処理の申し出はありません。GET /api/self-info/operator/flags で未処理の申し出を確認してください。", "flag_not_found");
        }

        Log.Cleared(loggers.CreateLogger(typeof(OperatorEndpoints)), id, OperatorId(user));
        return TypedResults.Ok(new { flagId = id, status = "cleared" });
    }

    /// <summary>The length of a PersonId, which identity makes of 16 random bytes in lower-case hex.</summary>
    private const int PersonIdLength = 32;

    private static bool IsPersonId(string value) => value.Length == PersonIdLength && value.All(char.IsAsciiHexDigitLower);

    private static IResult? InvalidReason(string? reason, string use) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength || DisplayCharacters.FindUnsafe(reason) >= 0
            ? SelfInfoProblems.Invalid("reason", $"理由 (reason) は必須です。改行や文字の向きを変える記号を含まない {MaxReasonLength} 文字以内で指定してください。{use}")
            : null;

    private static string OperatorId(ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.Subject)!;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "FlagCleared", Level = LogLevel.Information,
            Message = "Flag {FlagId} was cleared by operator {OperatorClientId}")]
        public static partial void Cleared(ILogger logger, Guid flagId, string operatorClientId);
    }
}
