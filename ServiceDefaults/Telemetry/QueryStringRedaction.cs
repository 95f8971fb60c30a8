using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MynaPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps query string values out of server spans. A client may put a token or a code in the
/// query string (<c>?access_token=</c>), and OpenTelemetry.Instrumentation.AspNetCore 1.21.0 was
/// seen to record the whole query as <c>url.query</c>, so only the parameter names are kept.
/// </summary>
public static class QueryStringRedaction
{
    public const string UrlQueryTag = "url.query";
    public const string RedactedValue = "Redacted";

    /// <summary>Replaces the <c>url.query</c> tag of a server span with the names of the query parameters.</summary>
    public static void RedactServerSpan(Activity activity, HttpRequest request)
    {
        if (activity.GetTagItem(UrlQueryTag) is not null)
        {
            activity.SetTag(UrlQueryTag, Redact(request.QueryString));
        }
    }

    /// <summary>Returns the query string with every value replaced, such as <c>?code=Redacted&amp;state=Redacted</c>.</summary>
    public static string Redact(QueryString query)
    {
        if (!query.HasValue)
        {
            return string.Empty;
        }

        var names = query.Value!.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(parameter => parameter.Split('=', 2)[0])
            .Select(name => $"{name}={RedactedValue}");
        return "?" + string.Join('&', names);
    }
}
