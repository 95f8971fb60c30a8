using Grpc.Core;
using MynaPlatform.AccessLog.Agencies;
using MynaPlatform.AccessLog.Api;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Records;

namespace MynaPlatform.AccessLog.Exchanges;

/// <summary>
/// Records an exchange pushed by one of its two agencies. The agency's record id is the source
/// key, so a retried push returns the record stored the first time instead of appending again.
/// </summary>
public sealed partial class ExchangeIntake(
    AgencyDirectoryClient agencies, ChainWriter writer, TimeProvider clock, ILogger<ExchangeIntake> logger)
{
    /// <summary>Stores the exchange; returns the receipt and whether this call created it.</summary>
    public async Task<(ExchangeReceipt Receipt, bool Created)> RecordAsync(
        ExchangeRequest request, string callerAgencyId, CancellationToken cancellationToken)
    {
        var (recordId, agencyPersonId, record) = ExchangeValidation.Validate(request, callerAgencyId, clock.GetUtcNow());
        var (otherField, otherId) = record.RequesterAgencyId == callerAgencyId
            ? ("providerAgencyId", record.ProviderAgencyId)
            : ("requesterAgencyId", record.RequesterAgencyId);

        var personId = await CallIdentityAsync(async () =>
        {
            if (await agencies.FindNameAsync(otherId, cancellationToken) is null)
            {
                throw AccessLogRequestException.Invalid(otherField, "相手方の機関 ID が登録されていません。プラットフォームに登録済みの機関 ID を指定してください。");
            }

            var (resolution, found) = await agencies.ResolvePersonAsync(callerAgencyId, agencyPersonId, cancellationToken);
            return resolution == PersonResolution.Found
                ? found!
                : throw AccessLogRequestException.ForField(StatusCodes.Status404NotFound, "person_not_enrolled", "agencyPersonId",
                    "本人が見つかりません。", "この機関の本人識別子として登録されていません。先に本人の登録 (enrollments) を行い、受け取った識別子を指定してください。");
        });

        var index = new EntryIndex(record.Kind, record.ProvidedAt, [record.RequesterAgencyId, record.ProviderAgencyId], record.AdministrativeTask, record.WithheldUntil);
        var outcome = await writer.AppendAsync(personId, new NewRecord(record, SourceKey(callerAgencyId, recordId), index), null, cancellationToken);

        // The same record id for another person counts as other content, even with an identical record.
        if (outcome.Status == AppendStatus.DuplicateSourceOfOtherPerson
            || (outcome.Status == AppendStatus.DuplicateSource
                && !CanonicalJson.Serialize(outcome.Entry!.Content!.Record).AsSpan().SequenceEqual(record.ToCanonicalBytes())))
        {
            throw AccessLogRequestException.ForField(StatusCodes.Status409Conflict, "record_id_reused", "recordId",
                "この記録 ID は別の内容で登録済みです。",
                "同じ記録 ID で異なる内容 (別の本人を含む) は登録できません。再送なら最初と同じ内容を、新しい記録なら新しい記録 ID を送ってください。");
        }

        var entry = outcome.Entry!;

        var created = outcome.Status == AppendStatus.Appended;
        Log.ExchangeRecorded(logger, callerAgencyId, created);
        return (new ExchangeReceipt(recordId, entry.RecordedAt), created);
    }

    /// <summary>The source key of an agency's record: unique per agency, whoever the person is.</summary>
    public static string SourceKey(string agencyId, string recordId) => $"exchange:{agencyId}:{recordId}";

    private static async Task<T> CallIdentityAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new AccessLogRequestException(StatusCodes.Status503ServiceUnavailable, "identity_unavailable", null,
                "認証基盤に接続できませんでした。", "機関と本人の確認ができなかったため記録していません。時間をおいて同じ内容で再送してください。");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ExchangeRecorded", Level = LogLevel.Information,
            Message = "Agency {AgencyId} pushed an exchange record (new: {Created})")]
        public static partial void ExchangeRecorded(ILogger logger, string agencyId, bool created);
    }
}
