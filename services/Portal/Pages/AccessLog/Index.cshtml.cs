using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.AccessLog;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages.AccessLog;

/// <summary>
/// やりとり履歴: the person's records newest first, with filters and paging, the CSV export of the
/// filtered records, and how to verify the log with <c>myna-log verify</c>.
/// </summary>
public sealed class IndexModel(AccessLogClient accessLog) : PageModel
{
    /// <summary>How many of the newest records the agency filter takes its choices from.</summary>
    private const int AgencyChoiceSource = 100;

    [BindProperty(SupportsGet = true)]
    public AccessLogFilter Filter { get; set; } = new();

    public LogRecordPage? Records { get; private set; }

    /// <summary>The agencies the filter offers, by name.</summary>
    public IReadOnlyList<LogParty> Agencies { get; private set; } = [];

    public ScreenMessage? Message { get; private set; }

    public async Task OnGetAsync()
    {
        if (ScreenPaging.CheckPage(ModelState, Filter.Page) is { } pageMessage)
        {
            // The address was edited by hand, so the first page is shown with a note instead of nothing.
            Message = pageMessage;
            Filter.Page = 1;
        }

        if (ScreenPeriod.Check(Filter.From, Filter.To) is { } periodMessage)
        {
            Message = periodMessage;
            await LoadAgencyChoicesAsync();
            return;
        }

        var result = await accessLog.ListAsync(Filter, HttpContext.RequestAborted);
        Records = result.Value;
        if (result.Problem is { } problem)
        {
            // The form keeps the values so the person can correct them.
            Message = new ScreenMessage("検索の条件を確かめてください。", ScreenText(problem) ?? "条件を見直して、もう一度検索してください。");
        }

        await LoadAgencyChoicesAsync();
    }

    /// <summary>Downloads the records that match the filters (every page) as the service's CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (ScreenPeriod.Check(Filter.From, Filter.To) is not null)
        {
            await OnGetAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var export = await accessLog.ExportCsvAsync(Filter, Response, HttpContext.RequestAborted);
        if (export.Problem is not { } problem)
        {
            return new EmptyResult();
        }

        await OnGetAsync();
        Message = new ScreenMessage("CSV ファイルを作れませんでした。", ScreenText(problem) ?? "条件を見直して、もう一度お試しください。");
        Response.StatusCode = problem.Status;
        return Page();
    }

    // NOTE: an agency named only in records older than the newest 100 is not offered, although the
    // agency query parameter still filters by it.
    private async Task LoadAgencyChoicesAsync()
    {
        // When the unfiltered first page contains all the records, it already names every agency.
        var newest = Records;
        if (!Filter.IsEmpty || Filter.Page != 1 || Records is null || Records.Total > Records.Items.Count)
        {
            newest = (await accessLog.ListNewestAsync(AgencyChoiceSource, HttpContext.RequestAborted)).Value;
        }

        List<LogParty> named = [.. (newest?.Items ?? []).SelectMany(record => record.Agencies)
            .Concat(Records?.Items.SelectMany(record => record.Agencies) ?? [])
            .DistinctBy(agency => agency.Id)];

        // An agency from an edited address stays a choice only when some record of the person names it,
        // so that the list does not offer an id that matches nothing.
        var selected = string.IsNullOrWhiteSpace(Filter.Agency) ? null : Filter.Agency.Trim();
        if (selected is not null && !named.Any(agency => agency.Id == selected))
        {
            if (await NamesAnyRecordAsync(selected))
            {
                named.Add(new LogParty(selected, null));
            }
            else
            {
                Message ??= new ScreenMessage("検索の条件を確かめてください。", "機関は一覧から選んでください。");
            }
        }

        Agencies = [.. named.OrderBy(agency => agency.DisplayName, StringComparer.Ordinal)];
    }

    private async Task<bool> NamesAnyRecordAsync(string agency)
    {
        var result = await accessLog.ListAsync(new AccessLogFilter { Agency = agency }, HttpContext.RequestAborted);
        return result.Value is { Total: > 0 };
    }

    /// <summary>
    /// Returns the screen's own words for a field that the screen offers as a list, else the service's
    /// message for the field, which unlike its detail does not start with the API field name.
    /// </summary>
    private static string? ScreenText(ApiProblem problem)
    {
        if (problem.Errors.ContainsKey("agency"))
        {
            return "機関は一覧から選んでください。";
        }

        return problem.Errors.Values.FirstOrDefault(message => message.Length > 0) ?? problem.Detail;
    }
}
