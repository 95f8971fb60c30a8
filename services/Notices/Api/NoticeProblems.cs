using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Api;

/// <summary>Japanese ProblemDetails for the notices API; each names the field and the fix.</summary>
public static class NoticeProblems
{
    /// <summary>
    /// 400 with every invalid field under <c>errors</c>, the messages joined in <c>detail</c>, and
    /// <c>reason: invalid_request</c> as the other services' field rejections carry.
    /// </summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors, string title = "入力内容に誤りがあります。") =>
        TypedResults.ValidationProblem(
            FieldErrors.ToDictionary(errors),
            detail: string.Join(" ", errors.Select(error => error.Message)),
            title: title,
            extensions: new Dictionary<string, object?> { ["reason"] = "invalid_request" });

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static IResult Status(int status, string title, string detail, string? reason = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
}
