using System.Security.Claims;
using MynaPlatform.Authentication;
using MynaPlatform.Contracts.Access;
using MynaPlatform.SelfInfo.Agencies;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.SelfInfo.Records;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>
/// The agencies' API: publishing records about a person by the agency's own identifier, reading
/// back what the agency provided (each read is an access event) and listing the records people flagged.
/// </summary>
public static partial class PartnerEndpoints
{
    /// <summary>The purpose written into the access event of an agency's read-back.</summary>
    public const string ReadBackPurpose = "提供した自己情報の確認 (提供機関による読み戻し)";

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder api)
    {
        var partner = api.MapGroup("/partner").WithTags("Partner");

        partner.MapPut("/records/{recordKey}", PublishAsync)
            .RequireClient(PlatformScopes.SelfInfoWrite)
            .WithName("PublishRecord")
            .WithSummary("Publishes a record about a person; a changed record becomes a new version and closes an open flag.");

        partner.MapGet("/records/{recordKey}", ReadHistoryAsync)
            .RequireClient(PlatformScopes.SelfInfoRead)
            .WithName("ReadRecordHistory")
            .WithSummary("Reads back one record the agency provided with its versions; each read is an access event.");

        partner.MapGet("/persons/{agencyPersonId}/records", ReadPersonAsync)
            .RequireClient(PlatformScopes.SelfInfoRead)
            .WithName("ReadPersonRecords")
            .WithSummary("Reads back the records the agency provided about one person; each read is an access event.");

        partner.MapGet("/flags", ListFlagsAsync)
            .RequireClient(PlatformScopes.SelfInfoWrite)
            .WithName("ListAgencyFlags")
            .WithSummary("Lists the open \"this is not me\" flags on the agency's records.");

        return api;
    }

    private static async Task<IResult> PublishAsync(
        string recordKey, PublishRecordRequest? request, ClaimsPrincipal user, AgencyDirectory agencies, ISelfInfoStore store,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return SelfInfoProblems.Invalid("body", "記録を JSON の本文で指定してください (agencyPersonId, category, asOf, items)。");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(JapanOffset).DateTime);
        var draft = new RecordDraft(recordKey, request.AgencyPersonId, request.Category?.Group, request.Category?.Name, request.AsOf,
            request.Items?.Select(item => item is null ? null : new RecordItemDraft(item.Label, item.Value, item.Unit)).ToList());
        var validation = RecordValidator.Validate(draft, today);
        if (validation.Record is not { } record)
        {
            return SelfInfoProblems.Invalid(validation.Errors);
        }

        var agencyClientId = AgencyClientId(user);
        if (await agencies.GetDisplayNameAsync(agencyClientId, cancellationToken) is not { } agencyName)
        {
            return SelfInfoProblems.AgencyNotRegistered();
        }

        if (await agencies.ResolvePersonAsync(agencyClientId, record.AgencyPersonId, cancellationToken) is not { } personId)
        {
            return SelfInfoProblems.PersonNotEnrolled();
        }

        var searchText = RecordSearchDocument.Create(record.Category, agencyName, record.Items);
        var outcome = await store.PublishAsync(new Publication(record, agencyClientId, agencyName, personId, searchText, now), cancellationToken);
        Log.Published(loggers.CreateLogger(typeof(PartnerEndpoints)), outcome.RecordId, outcome.Version, outcome.Result, agencyClientId);

        var response = new PublishResponse(outcome.RecordId, record.RecordKey, outcome.Version, ResultName(outcome.Result));
        return outcome.Result == PublishResult.Created
            ? TypedResults.Created($"/api/{SelfInfoServiceExtensions.RoutePrefix}/partner/records/{Uri.EscapeDataString(record.RecordKey)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<IResult> ReadHistoryAsync(
        string recordKey, ClaimsPrincipal user, ISelfInfoStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RecordValidator.IsIdentifier(recordKey, RecordLimits.MaxRecordKeyLength))
        {
            return SelfInfoProblems.Invalid("recordKey", $"記録のキーを英数字・ピリオド・ハイフン・下線の {RecordLimits.MaxRecordKeyLength} 文字以内で指定してください。");
        }

        var agencyClientId = AgencyClientId(user);
        var history = await store.ReadHistoryForAgencyAsync(agencyClientId, recordKey, ReadBack(agencyClientId, clock), cancellationToken);
        if (history is null)
        {
            return SelfInfoProblems.RecordNotFound("recordKey");
        }

        if (history.Record.Flag is { } flag)
        {
            return SelfInfoProblems.Problem(StatusCodes.Status409Conflict,
                "この記録は確認中です。",
                $"本人から「自分の情報ではない」との申し出 (flagId: {flag.FlagId}) があるため、記録を表示できません。内容を確認し、PUT で訂正した版を登録してください。",
                "record_under_review");
        }

        var current = AgencyRecordView.From(history.Record);
        var versions = history.Versions.Select(version => AgencyRecordView.From(history.Record.RecordId, history.Record.RecordKey, version)).ToList();
        return TypedResults.Ok(new AgencyRecordHistoryView(current, versions));
    }

    private static async Task<IResult> ReadPersonAsync(
        string agencyPersonId, ClaimsPrincipal user, AgencyDirectory agencies, ISelfInfoStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!RecordValidator.IsIdentifier(agencyPersonId, RecordLimits.MaxAgencyPersonIdLength))
        {
            return SelfInfoProblems.Invalid("agencyPersonId", "本人登録 (enrollments) で受け取った機関別の本人識別子を指定してください。");
        }

        var agencyClientId = AgencyClientId(user);
        if (await agencies.ResolvePersonAsync(agencyClientId, agencyPersonId, cancellationToken) is not { } personId)
        {
            return SelfInfoProblems.PersonNotEnrolled();
        }

        var records = await store.ReadForAgencyAsync(agencyClientId, personId, ReadBack(agencyClientId, clock), cancellationToken);
        return TypedResults.Ok(new AgencyRecordListView([.. records.Select(AgencyRecordView.From)]));
    }

    private static async Task<IResult> ListFlagsAsync(ClaimsPrincipal user, ISelfInfoStore store, CancellationToken cancellationToken)
    {
        var flags = await store.ListOpenFlagsAsync(AgencyClientId(user), cancellationToken);
        return TypedResults.Ok(new AgencyFlagListView([.. flags.Select(AgencyFlagView.From)]));
    }

    private static string AgencyClientId(ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.Subject)!;

    private static AccessContext ReadBack(string agencyClientId, TimeProvider clock) =>
        new(new Accessor(AccessorKind.Agency, agencyClientId), ReadBackPurpose, clock.GetUtcNow());

    private static string ResultName(PublishResult result) => result switch
    {
        PublishResult.Created => "created",
        PublishResult.NewVersion => "new_version",
        _ => "unchanged",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "RecordPublished", Level = LogLevel.Information,
            Message = "Record {RecordId} is at version {Version} ({Result}) from agency {AgencyClientId}")]
        public static partial void Published(ILogger logger, Guid recordId, int version, PublishResult result, string agencyClientId);
    }
}
