using System.Globalization;
using System.Text.RegularExpressions;
using MynaPlatform.AccessLog.Api;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.Text;

namespace MynaPlatform.AccessLog.Exchanges;

/// <summary>Checks an exchange push; every failure names the field and the fix.</summary>
public static partial class ExchangeValidation
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxDataItems = 100;

    /// <summary>How far in the future a request or provision time may be, for clocks that differ slightly.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The earliest request or provision time: individual numbers were first notified on 5 October 2015, so no exchange under them is older.</summary>
    public static readonly DateTimeOffset FirstPossibleExchange = new(2015, 10, 5, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>
    /// Returns the exchange's values, or throws listing every invalid field. A caller that is neither
    /// party gets its 403 at once, because the other fields do not matter then.
    /// </summary>
    public static (string RecordId, string AgencyPersonId, ExchangeRecord Record) Validate(ExchangeRequest request, string callerAgencyId, DateTimeOffset now)
    {
        var errors = new List<(string Field, string Fix)>();

        T? Check<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (AccessLogRequestException rejection) when (rejection is { Status: StatusCodes.Status400BadRequest, Field: { } field, Fix: { } fix })
            {
                errors.Add((field, fix));
                return default;
            }
        }

        var recordId = Check(() => RequireRecordId(request.RecordId));
        var agencyPersonId = Check(() => RequireAgencyPersonId(request.AgencyPersonId));
        var requester = Check(() => RequireId(request.RequesterAgencyId, "requesterAgencyId", "情報照会者"));
        var provider = Check(() => RequireId(request.ProviderAgencyId, "providerAgencyId", "情報提供者"));
        if (requester is not null && provider is not null)
        {
            if (requester == provider)
            {
                errors.Add(("providerAgencyId", "情報提供者には情報照会者と異なる機関の ID を指定してください。"));
            }
            else if (requester != callerAgencyId && provider != callerAgencyId)
            {
                throw new AccessLogRequestException(StatusCodes.Status403Forbidden, "caller_not_party", "requesterAgencyId",
                    "呼び出し元の機関はこのやりとりの当事者ではありません。",
                    "requesterAgencyId または providerAgencyId のどちらかに、呼び出し元の機関 ID を指定してください。");
            }
        }

        var requestedAt = Check<DateTimeOffset?>(() => RequireInstant(request.RequestedAt, "requestedAt", now));
        var providedAt = Check<DateTimeOffset?>(() => RequireInstant(request.ProvidedAt, "providedAt", now));
        if (requestedAt is not null && providedAt < requestedAt)
        {
            errors.Add(("providedAt", "提供日時には照会日時 (requestedAt) 以降の日時を指定してください。"));
        }

        var task = Check(() => RequireName(request.AdministrativeTask, "administrativeTask", "事務の名称"));
        var items = request.DataItems ?? [];
        if (items.Count is 0 or > MaxDataItems)
        {
            errors.Add(("dataItems", $"特定個人情報名を 1 件以上 {MaxDataItems} 件以内の配列で指定してください。"));
        }

        var dataItems = items.Take(MaxDataItems).Select((item, index) => Check(() => RequireName(item, $"dataItems[{index}]", "特定個人情報名"))).ToList();
        var withheldUntil = Check(() => OptionalDate(request.WithheldUntil, "withheldUntil"));

        if (errors.Count > 0)
        {
            throw AccessLogRequestException.InvalidFields(errors);
        }

        return (recordId!, agencyPersonId!, new ExchangeRecord(requester!, provider!, requestedAt!.Value, providedAt!.Value, task!, dataItems!, withheldUntil));
    }

    private static string RequireRecordId(string? value)
    {
        var recordId = value?.Trim();
        return string.IsNullOrEmpty(recordId) || recordId.Length > MaxIdLength || !RecordIdPattern().IsMatch(recordId)
            ? throw AccessLogRequestException.Invalid("recordId", $"機関での記録 ID を英数字と . _ : - の {MaxIdLength} 文字以内で指定してください。再送では同じ ID を送ってください。")
            : recordId;
    }

    private static string RequireAgencyPersonId(string? value)
    {
        var agencyPersonId = value?.Trim();
        return string.IsNullOrEmpty(agencyPersonId) || agencyPersonId.Length > MaxIdLength
            ? throw AccessLogRequestException.Invalid("agencyPersonId", "本人の登録 (enrollments) で受け取った、この機関の本人識別子を指定してください。")
            : agencyPersonId;
    }

    private static string RequireId(string? value, string field, string role)
    {
        var id = value?.Trim();
        return string.IsNullOrEmpty(id) || id.Length > MaxIdLength
            ? throw AccessLogRequestException.Invalid(field, $"{role}の登録済み機関 ID (クライアント ID) を指定してください。")
            : id;
    }

    private static string RequireName(string? value, string field, string what)
    {
        var name = value?.Trim();
        return string.IsNullOrEmpty(name) || name.Length > MaxNameLength || DisplayCharacters.FindUnsafe(name) >= 0
            ? throw AccessLogRequestException.Invalid(field, $"{what}を、制御文字や文字の向きを変える記号を含まない {MaxNameLength} 文字以内で指定してください。")
            : name;
    }

    private static DateTimeOffset RequireInstant(string? value, string field, DateTimeOffset now)
    {
        var text = value?.Trim();
        if (text is null || !ExplicitOffsetPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw AccessLogRequestException.Invalid(field, "日時を時差付きの ISO 8601 形式で指定してください (例: 2025-04-01T09:30:00+09:00 または 2025-04-01T00:30:00Z)。");
        }

        if (instant < FirstPossibleExchange)
        {
            throw AccessLogRequestException.Invalid(field, "2015-10-05 (個人番号の通知の開始) より前の日時は指定できません。やりとりが行われた日時を指定してください。");
        }

        return instant > now + AllowedClockSkew
            ? throw AccessLogRequestException.Invalid(field, "未来の日時は指定できません。やりとりが行われた日時を指定してください。")
            : instant;
    }

    private static DateOnly? OptionalDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Instants.TryParse(value.Trim(), out DateOnly date)
            ? date
            : throw AccessLogRequestException.Invalid(field, "本人に開示する日 (日本時間) を yyyy-MM-dd の形式で指定してください (例: 2026-04-01)。");
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex RecordIdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ExplicitOffsetPattern();
}
