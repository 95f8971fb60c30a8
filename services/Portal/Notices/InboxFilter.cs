using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MynaPlatform.Portal.Notices;

/// <summary>The inbox screen's filters, bound from its query string and passed on to the notices service.</summary>
public sealed class InboxFilter
{
    /// <summary>The notices service's limit on the search words, in characters.</summary>
    public const int MaxSearchLength = 100;

    public string? Q { get; set; }

    public string? Category { get; set; }

    /// <summary><c>unread</c>, <c>read</c> or empty for both.</summary>
    public string? Read { get; set; }

    /// <summary>Whether <see cref="Read"/> is one of the screen's choices or empty.</summary>
    public bool IsReadChoice => Read is null or "" or "unread" or "read";

    /// <summary>Shows the archive instead of the inbox.</summary>
    public bool Archived { get; set; }

    /// <summary>First and last day (Japan time, <c>yyyy-MM-dd</c>) of the publication dates shown.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>
    /// Page number from 1. Bound from the query string only, because Razor Pages' own route value
    /// <c>page</c> (the page's path) would otherwise win and every page would show the first.
    /// </summary>
    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;

    /// <summary>The query string of the notices service's inbox list.</summary>
    public Dictionary<string, string?> ToApiQuery() =>
        Build(Read switch { "unread" => "false", "read" => "true", _ => null }, Page);

    /// <summary>The query string of this screen for <paramref name="page"/>, for the paging links.</summary>
    public Dictionary<string, string?> ToScreenQuery(int page) => Build(Read, page);

    private Dictionary<string, string?> Build(string? read, int page)
    {
        var query = new Dictionary<string, string?>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[name] = value.Trim();
            }
        }

        Add("q", Q);
        Add("category", Category);
        Add("read", read);
        Add("archived", Archived ? "true" : null);
        Add("from", From);
        Add("to", To);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return query;
    }
}
