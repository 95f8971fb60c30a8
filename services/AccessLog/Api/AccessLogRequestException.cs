namespace MynaPlatform.AccessLog.Api;

/// <summary>
/// A request the service rejects, with the status, a stable reason code, the field at fault and a
/// Japanese detail that explains how to fix it. Endpoints turn it into ProblemDetails.
/// </summary>
public sealed class AccessLogRequestException(int status, string reason, string? field, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;

    public string? Field { get; } = field;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    public static AccessLogRequestException Invalid(string field, string fix) =>
        new(StatusCodes.Status400BadRequest, "invalid_request", field, $"{field} が正しくありません。", $"{field}: {fix}");

    /// <summary>
    /// Returns the ProblemDetails, with <c>errors</c> keyed by the field like the other services' and
    /// <c>field</c> kept for existing callers.
    /// </summary>
    public IResult ToResult()
    {
        var extensions = new Dictionary<string, object?> { ["reason"] = Reason, ["field"] = Field };
        if (Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [Field] = [Detail] };
        }

        return TypedResults.Problem(statusCode: Status, title: Title, detail: Detail, extensions: extensions);
    }
}
