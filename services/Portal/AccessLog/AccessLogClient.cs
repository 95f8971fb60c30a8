using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.AccessLog;

/// <summary>The person's やりとり履歴 at the access-log service, called through the gateway with the session's token.</summary>
public sealed class AccessLogClient(HttpClient http, IHttpContextAccessor accessor) : PersonApiClient(http, accessor)
{
    private const string Records = "/api/access-log/me/records";

    public Task<ApiResult<LogRecordPage>> ListAsync(AccessLogFilter filter, CancellationToken cancellationToken) =>
        SendAsync<LogRecordPage>(HttpMethod.Get, QueryHelpers.AddQueryString(Records, filter.ToQuery(filter.Page)), null, cancellationToken);

    /// <summary>Returns the newest <paramref name="count"/> records without filters, from which the agency filter offers its choices.</summary>
    public Task<ApiResult<LogRecordPage>> ListNewestAsync(int count, CancellationToken cancellationToken) =>
        SendAsync<LogRecordPage>(HttpMethod.Get, $"{Records}?pageSize={count.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);

    /// <summary>
    /// Streams the service's CSV export into <paramref name="target"/> as it arrives, keeping its
    /// content type, file name and bytes (the UTF-8 byte order mark included). A rejected filter
    /// comes back as a problem and writes nothing.
    /// </summary>
    public Task<ApiResult<bool>> ExportCsvAsync(AccessLogFilter filter, HttpResponse target, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, QueryHelpers.AddQueryString($"{Records}.csv", filter.ToQuery(1)), null,
            async (response, token) =>
            {
                target.ContentType = response.Content.Headers.ContentType?.ToString() ?? "text/csv; charset=utf-8";
                target.ContentLength = response.Content.Headers.ContentLength;
                target.Headers.ContentDisposition = response.Content.Headers.ContentDisposition?.ToString() ?? "attachment; filename=access-log.csv";
                await response.Content.CopyToAsync(target.Body, token);
                return true;
            },
            cancellationToken, HttpCompletionOption.ResponseHeadersRead);
}
