using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Portal.AccessLog;

/// <summary>The filters of やりとり履歴, bound from the screen's query string and passed on to the access-log service.</summary>
public sealed class AccessLogFilter
{
    /// <summary>Registered id of an agency that the records name.</summary>
    public string? Agency { get; set; }

    /// <summary>Part of the administrative task (事務) or of the purpose of a read.</summary>
    public string? Task { get; set; }

    /// <summary>First and last day (Japan time, <c>yyyy-MM-dd</c>) of the exchanges and reads shown.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>
    /// Page number from 1. Bound from the query string only, because Razor Pages' own route value
    /// <c>page</c> (the page's path) would otherwise win and every page would show the first.
    /// </summary>
    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Agency) && string.IsNullOrWhiteSpace(Task) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);

    /// <summary>The query string with the filters and <paramref name="page"/>, the same for the service and for this screen.</summary>
    public Dictionary<string, string?> ToQuery(int page)
    {
        var query = new Dictionary<string, string?>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[name] = value.Trim();
            }
        }

        Add("agency", Agency);
        Add("task", Task);
        Add("from", From);
        Add("to", To);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return query;
    }
}
