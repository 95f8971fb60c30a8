using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages;

/// <summary>The person's latest logins, newest first, as identity records them.</summary>
public sealed class LoginHistoryModel(IdentityAccountClient account, ClientNames clients) : PageModel
{
    public IReadOnlyList<LoginHistoryEntry> Entries { get; private set; } = [];

    public ClientNames Clients => clients;

    public async Task OnGetAsync()
    {
        Entries = (await account.ListLoginHistoryAsync(HttpContext.RequestAborted)).Value ?? [];
    }

    public static string DescribeResult(string result) => result switch
    {
        "succeeded" => "ログイン",
        "refreshed" => "ログインの延長",
        _ => result,
    };
}
