namespace MynaPlatform.SelfInfo.Domain.Validation;

/// <summary>
/// One invalid field: <see cref="Field"/> is the JSON path of the property (such as
/// <c>items[2].label</c>) and <see cref="Message"/> says, in Japanese, what is wrong and how to fix it.
/// </summary>
public sealed record FieldError(string Field, string Message);

public static class FieldErrors
{
    /// <summary>Groups errors by field in the shape of the ProblemDetails <c>errors</c> member, keeping their order.</summary>
    public static IDictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors
            .GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The first error as one sentence for the ProblemDetails <c>detail</c>: field, then the fix.</summary>
    public static string Summarize(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? "" : $"{errors[0].Field}: {errors[0].Message}";
}
