namespace MynaPlatform.Notices.Domain.Validation;

public static class FieldErrors
{
    /// <summary>
    /// Groups errors by field in the shape of the ProblemDetails <c>errors</c> member
    /// (<c>ValidationProblemDetails.Errors</c>), keeping the order in which fields first failed.
    /// </summary>
    public static IDictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);

        var grouped = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in errors.GroupBy(error => error.Field, StringComparer.Ordinal))
        {
            grouped[group.Key] = group.Select(error => error.Message).ToArray();
        }

        return grouped;
    }
}
