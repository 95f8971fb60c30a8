using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;
using MynaPlatform.Portal.SelfInfo;
using MynaPlatform.Text;

namespace MynaPlatform.Portal.Pages.SelfInfo;

/// <summary>The person's records of one category, or the results of a search, with the "this is not me" flag.</summary>
public sealed class RecordsModel(SelfInfoClient selfInfo) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Flagged { get; set; }

    /// <summary>The record whose "this is not me" flag waits for the person's confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Confirm { get; set; }

    public IReadOnlyList<PersonRecord> Records { get; private set; } = [];

    public ScreenMessage? Message { get; private set; }

    private static readonly ScreenMessage RecordNotFound = new("その情報は見つかりませんでした。", "一覧を開き直して、もう一度選んでください。");

    /// <summary>The number of characters of the search words that the heading repeats.</summary>
    private const int HeadingQueryLength = 30;

    public string Heading => !string.IsNullOrWhiteSpace(Q) ? $"「{Shorten(Q)}」の検索結果" : Name ?? "すべての情報";

    public async Task OnGetAsync()
    {
        var result = string.IsNullOrWhiteSpace(Q)
            ? await selfInfo.ListRecordsAsync(Group, Name, HttpContext.RequestAborted)
            : await selfInfo.SearchAsync(Q, HttpContext.RequestAborted);
        Records = result.Value?.Records ?? [];
        Message = result.Problem is { } problem ? new ScreenMessage("条件を確かめてください。", Describe(problem)) : null;
        if (Message is null && Confirm is { } confirm && !Records.Any(record => record.RecordId == confirm && !record.UnderReview))
        {
            Message = RecordNotFound;
        }
    }

    /// <summary>Returns the address of this list, with the confirmation of <paramref name="confirm"/> open when it is given.</summary>
    public string ListLink(Guid? confirm) => QueryHelpers.AddQueryString(PortalPages.SelfInfoRecords.Path, new Dictionary<string, string?>
    {
        ["group"] = Group,
        ["name"] = Name,
        ["q"] = Q,
        ["confirm"] = confirm?.ToString(),
    }.Where(parameter => !string.IsNullOrEmpty(parameter.Value)));

    public async Task<IActionResult> OnPostNotMineAsync(Guid recordId)
    {
        var result = await selfInfo.FlagNotMineAsync(recordId, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            // The list is read first, because reading it sets the message for its own problems.
            await OnGetAsync();
            Message = RecordNotFound;
            return Page();
        }

        return RedirectToPage(new { group = Group, name = Name, q = Q, flagged = true });
    }

    /// <summary>Returns what to change, in the screen's words, because the service's detail names its API fields.</summary>
    private static string Describe(ApiProblem problem)
    {
        if (problem.Errors.ContainsKey("q"))
        {
            return $"検索する語を 1〜{SelfInfoSearch.MaxLength} 文字で入力してください。";
        }

        if (problem.Errors.ContainsKey("group") || problem.Errors.ContainsKey("name"))
        {
            return "その分類は見つかりません。「あなたの情報」の一覧から分類を選んでください。";
        }

        return "「あなたの情報」の一覧から開き直してください。";
    }

    /// <summary>Returns the query for the heading: without characters that would turn the heading's text around, and cut to its length.</summary>
    private static string Shorten(string text)
    {
        var safe = string.Concat(text.Where(character => !DisplayCharacters.IsUnsafe(character)));
        return safe.Length <= HeadingQueryLength ? safe : safe[..HeadingQueryLength] + "…";
    }
}
