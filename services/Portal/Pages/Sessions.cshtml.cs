using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages;

/// <summary>The person's open sessions; any other session can be ended here.</summary>
public sealed class SessionsModel(IdentityAccountClient account, ClientNames clients) : PageModel
{
    public IReadOnlyList<SessionEntry> Sessions { get; private set; } = [];

    public ClientNames Clients => clients;

    [BindProperty(SupportsGet = true)]
    public bool Ended { get; set; }

    public ScreenMessage? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Sessions = (await account.ListSessionsAsync(HttpContext.RequestAborted)).Value ?? [];
    }

    public async Task<IActionResult> OnPostEndAsync(string sessionId)
    {
        var result = await account.EndSessionAsync(sessionId, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage(new { ended = true });
        }

        Message = new ScreenMessage("その端末のログインは見つかりませんでした。", "すでに終わっている可能性があります。一覧を確認してください。");
        Sessions = (await account.ListSessionsAsync(HttpContext.RequestAborted)).Value ?? [];
        return Page();
    }
}
