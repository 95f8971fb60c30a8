using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MynaPlatform.Portal.Display;

/// <summary>Checks of the query string values that binding could not read.</summary>
public static class QueryBinding
{
    /// <summary>
    /// Returns whether binding failed for the query parameter <paramref name="name"/>, such as
    /// <c>page=abc</c>, which leaves the property at its default.
    /// </summary>
    public static bool HasErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.Any(entry => entry.Value is { Errors.Count: > 0 } && entry.Key.EndsWith(name, StringComparison.OrdinalIgnoreCase));
}
