using System.Security.Claims;
using Microsoft.Extensions.Options;
using MynaPlatform.AccessLog.Agencies;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Records;
using MynaPlatform.Authentication;

namespace MynaPlatform.AccessLog.Api;

/// <summary>The person's own view of their log: a filtered list, newest first, and a CSV export.</summary>
public static class RecordEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The highest page number accepted, the same as the notices inbox's.</summary>
    public const int MaxPage = 100_000;

    public static IEndpointRouteBuilder MapRecordEndpoints(this IEndpointRouteBuilder routes)
    {
        var records = routes.MapGroup($"/api/{AccessLogServiceExtensions.RoutePrefix}/me")
            .WithTags("Person")
            .RequirePerson(PlatformScopes.AccessLogRead);

        records.MapGet("/records", ListAsync)
            .WithName("ListMyRecords")
            .WithSummary("Lists the caller's records newest first; withheld ones appear from their date (Japan time).");

        records.MapGet("/records.csv", ExportAsync)
            .WithName("ExportMyRecords")
            .WithSummary("Exports the caller's records with the same filters as CSV for Excel (UTF-8 with BOM, Japan time).");

        return routes;
    }

    /// <param name="page">Page number from 1.</param>
    /// <param name="pageSize">Records per page, 1 to 100.</param>
    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, [AsParameters] RecordFilter filter, string? page, string? pageSize,
        IAccessLogRepository repository, AgencyDirectoryClient agencies, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            var number = ParsePositive(page, "page", 1, MaxPage);
            var size = ParsePositive(pageSize, "pageSize", DefaultPageSize, MaxPageSize);
            var query = filter.ToQuery(JapanTime.Today(clock), (number - 1) * size, size);
            var found = await repository.SearchAsync(user.PersonId()!, query, cancellationToken);
            var views = await ToViewsAsync(found.Entries, agencies, cancellationToken);
            return TypedResults.Ok(new RecordList(views, number, size, found.Total));
        }
        catch (AccessLogRequestException rejection)
        {
            return rejection.ToResult();
        }
    }

    private static async Task<IResult> ExportAsync(
        ClaimsPrincipal user, [AsParameters] RecordFilter filter, IAccessLogRepository repository, AgencyDirectoryClient agencies,
        TimeProvider clock, IOptions<AccessLogOptions> options, CancellationToken cancellationToken)
    {
        try
        {
            var limit = options.Value.MaxExportRows;
            var query = filter.ToQuery(JapanTime.Today(clock), 0, limit + 1);
            var found = await repository.SearchAsync(user.PersonId()!, query, cancellationToken);
            if (found.Entries.Count > limit)
            {
                throw new AccessLogRequestException(StatusCodes.Status400BadRequest, "export_too_large", "from",
                    "書き出す件数が多すぎます。", $"一度に書き出せるのは {limit} 件までです。期間 (from, to) などで絞り込んでから書き出してください。");
            }

            var views = await ToViewsAsync(found.Entries, agencies, cancellationToken);
            var fileName = $"access-log-{JapanTime.Today(clock):yyyyMMdd}.csv";
            return TypedResults.File(CsvExport.Write(views), CsvExport.ContentType, fileName);
        }
        catch (AccessLogRequestException rejection)
        {
            return rejection.ToResult();
        }
    }

    private static async Task<IReadOnlyList<RecordView>> ToViewsAsync(
        IReadOnlyList<Domain.Chain.ChainEntry> entries, AgencyDirectoryClient agencies, CancellationToken cancellationToken)
    {
        var readable = entries
            .Select(entry => (Entry: entry, Record: RecordView.ReadRecord(entry)))
            .Where(pair => pair.Record is not null)
            .ToList();
        var names = await agencies.FindNamesAsync(readable.SelectMany(pair => RecordView.AgencyIds(pair.Record!)), cancellationToken);
        return [.. readable.Select(pair => RecordView.From(pair.Entry, pair.Record!, names)).OfType<RecordView>()];
    }

    private static int ParsePositive(string? text, string field, int fallback, int maximum)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= 1 && value <= maximum
            ? value
            : throw AccessLogRequestException.Invalid(field, $"1 以上 {maximum} 以下の整数を指定してください。");
    }

    /// <summary>One page of the person's records, newest first, and how many match in all.</summary>
    public sealed record RecordList(IReadOnlyList<RecordView> Items, int Page, int PageSize, long Total);
}
