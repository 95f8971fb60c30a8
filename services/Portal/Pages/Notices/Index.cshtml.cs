using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Notices;

namespace MynaPlatform.Portal.Pages.Notices;

/// <summary>The inbox (or the archive) with the unread count, filters, search and paging.</summary>
public sealed class IndexModel(NoticesClient notices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxFilter Filter { get; set; } = new();

    public InboxPage? Inbox { get; private set; }

    public ScreenMessage? Message { get; private set; }

    public int PageCount => Inbox is null ? 0 : Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    public async Task OnGetAsync()
    {
        if (ScreenPaging.CheckPage(ModelState, Filter.Page) is { } pageMessage)
        {
            // The address was edited by hand, so the first page is shown with a note instead of nothing.
            Message = pageMessage;
            Filter.Page = 1;
        }

        // The read state and the archive come from the screen's list and links, so anything else came
        // from an edited address. It is dropped with a note instead of being ignored without one.
        if (!Filter.IsReadChoice)
        {
            Message = new ScreenMessage("検索の条件を確かめてください。", "既読・未読は一覧から選んでください。すべてのお知らせを表示しています。");
            Filter.Read = null;
        }

        if (ModelState.HasErrorFor("archived"))
        {
            Message = new ScreenMessage("表示する一覧を確かめてください。", "保管したお知らせは「保管したお知らせを見る」から開いてください。受信したお知らせを表示しています。");
        }

        if (ScreenPeriod.Check(Filter.From, Filter.To) is { } periodMessage)
        {
            Message = periodMessage;
            return;
        }

        var result = await notices.ListAsync(Filter, HttpContext.RequestAborted);
        Inbox = result.Value;
        if (result.Problem is { } problem)
        {
            // The form keeps the values so the person can correct them. A category or a read state comes
            // from a list on the screen, so a bad one came from an edited address, and the service's
            // detail would name its API values.
            Message = new ScreenMessage("検索の条件を確かめてください。",
                problem.Errors.ContainsKey("category") ? "分類は一覧から選んでください。"
                : problem.Errors.ContainsKey("read") ? "既読・未読は一覧から選んでください。"
                : problem.Errors.ContainsKey("q") ? $"キーワードは {InboxFilter.MaxSearchLength} 文字以内で入力してください。"
                : problem.Detail ?? "条件を見直して、もう一度検索してください。");
        }
    }
}
