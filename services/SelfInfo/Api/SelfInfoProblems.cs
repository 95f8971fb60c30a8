using MynaPlatform.SelfInfo.Domain.Validation;

namespace MynaPlatform.SelfInfo.Api;

/// <summary>The service's ProblemDetails answers; each detail names the field or the cause and the fix, in Japanese.</summary>
public static class SelfInfoProblems
{
    public const string ReasonExtension = "reason";

    public static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "入力内容に誤りがあります。",
            detail: FieldErrors.Summarize(errors),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = FieldErrors.ToDictionary(errors),
                [ReasonExtension] = "invalid_request",
            });

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static IResult NotFound(string title, string detail, string reason) =>
        Problem(StatusCodes.Status404NotFound, title, detail, reason);

    public static IResult Problem(int status, string title, string detail, string reason) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [ReasonExtension] = reason });

    public static IResult RecordNotFound(string field) => NotFound(
        "記録が見つかりません。",
        $"{field} に当たる記録はありません。一覧 API で得た値を指定してください。",
        "record_not_found");

    public static IResult PersonNotEnrolled() => NotFound(
        "本人が見つかりません。",
        "agencyPersonId はこの機関の本人識別子として登録されていません。先に POST /api/identity/partner/enrollments で本人登録を行い、返された agencyPersonId を指定してください。",
        "person_not_enrolled");

    public static IResult AgencyNotRegistered() => Problem(StatusCodes.Status403Forbidden,
        "機関として登録されていません。",
        "このクライアントは機関 (partner) として登録されていないため、あなたの情報を登録・確認できません。運用担当者に機関登録を依頼してください。",
        "agency_not_registered");
}
