namespace MynaPlatform.AccessLog.Api;

/// <summary>
/// A request the service rejects, with the status, a stable reason code, the field at fault and a
/// Japanese detail that explains how to fix it. Endpoints turn it into ProblemDetails.
/// </summary>
public sealed class AccessLogRequestException(
    int status, string reason, string? field, string title, string detail, string? fix = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;

    public string? Field { get; } = field;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    /// <summary>The correction for the field, without the field name that <see cref="Detail"/> starts with, or null when the detail has no such prefix.</summary>
    public string? Fix { get; } = fix;

    public static AccessLogRequestException Invalid(string field, string fix) =>
        ForField(StatusCodes.Status400BadRequest, "invalid_request", field, $"{field} が正しくありません。", fix);

    /// <summary>Returns the rejection of several invalid fields: the detail and <c>field</c> name the first, <c>errors</c> lists them all.</summary>
    public static AccessLogRequestException InvalidFields(IReadOnlyList<(string Field, string Fix)> errors)
    {
        var (field, fix) = errors[0];
        var problem = ServiceDefaults.Problems.InvalidFields.From(errors);
        return new(StatusCodes.Status400BadRequest, "invalid_request", field, problem.Title, problem.Detail, fix, problem.Errors);
    }

    /// <summary>Returns a rejection of one field, whose detail starts with the field name and whose <c>errors</c> entry is the fix alone.</summary>
    public static AccessLogRequestException ForField(int status, string reason, string field, string title, string fix) =>
        new(status, reason, field, title, $"{field}: {fix}", fix);

    /// <summary>
    /// Returns the ProblemDetails, with <c>errors</c> keyed by the field like the other services' and
    /// <c>field</c> kept for existing callers.
    /// </summary>
    public IResult ToResult()
    {
        var extensions = new Dictionary<string, object?> { ["reason"] = Reason, ["field"] = Field };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }
        else if (Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [Field] = [Fix ?? Detail] };
        }

        return TypedResults.Problem(statusCode: Status, title: Title, detail: Detail, extensions: extensions);
    }
}
