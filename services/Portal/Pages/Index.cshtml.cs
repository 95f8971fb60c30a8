using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Identity;
using MynaPlatform.Portal.Notices;

namespace MynaPlatform.Portal.Pages;

/// <summary>The top menu with the count of unread notices, greeting the person by nickname when they set one.</summary>
public sealed class IndexModel(IdentityAccountClient account, NoticesClient notices) : PageModel
{
    public string? Nickname { get; private set; }

    public int UnreadNotices { get; private set; }

    public async Task OnGetAsync()
    {
        var details = await account.GetDetailsAsync(HttpContext.RequestAborted);
        Nickname = details.Value?.Nickname;
        UnreadNotices = await notices.CountUnreadAsync(HttpContext.RequestAborted);
    }
}
