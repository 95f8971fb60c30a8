using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Sessions;

namespace MynaPlatform.Portal.Pages;

/// <summary>
/// The device login: a start button, then the code (text and QR) that the person confirms with
/// <c>myna-card login --code</c>. Each load of the waiting page polls identity once, by the page's
/// own refresh when the person chose it, or by the person's button otherwise.
/// </summary>
public sealed class LoginModel(DeviceLoginFlow flow) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool LoggedOut { get; set; }

    /// <summary>
    /// Whether the waiting page reloads itself. The person chooses it before the code appears and
    /// can stop it, because a page that refreshes on its own disturbs screen readers.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public bool Auto { get; set; }

    public DeviceLoginState? Waiting { get; private set; }

    public ScreenMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.HasClaim(claim => claim.Type == PortalClaims.PersonId))
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        var pending = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (pending.Principal?.HasClaim(claim => claim.Type == PortalClaims.PendingLogin) != true)
        {
            Message = Expired ? LoginMessages.SessionExpired : null;
            return Page();
        }

        var state = await flow.PollAsync(HttpContext, pending.Properties!);
        switch (state.Status)
        {
            case DeviceLoginStatus.Completed:
                return LocalRedirect(SafeReturnUrl(state.ReturnUrl));
            case DeviceLoginStatus.Waiting:
                Waiting = state;
                return Page();
            default:
                Message = state.Status == DeviceLoginStatus.Denied ? LoginMessages.Denied : LoginMessages.CodeExpired;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        await flow.StartAsync(HttpContext, SafeReturnUrl(ReturnUrl));
        return Auto ? RedirectToPage(new { auto = true }) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage();
    }

    /// <summary>Only a path of this site is followed after login, so a link cannot send the person elsewhere.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            && !string.Equals(returnUrl.Split('?')[0], PortalPages.Login.Path, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : PortalPages.Menu.Path;
}

public static class LoginMessages
{
    public static readonly ScreenMessage SessionExpired = new(
        "ログインが終わりました。",
        "有効期限が切れたか、ほかの端末でのログアウトや紛失届によってログインが終わりました。続けるには、もう一度ログインしてください。ログインすると、見ていた画面に戻ります。");

    public static readonly ScreenMessage CodeExpired = new(
        "ログイン用コードの有効期限が切れました。",
        "「ログインを始める」を押して、新しいコードでやり直してください。");

    public static readonly ScreenMessage Denied = new(
        "ログインは承認されませんでした。",
        "「ログインを始める」を押して、もう一度やり直してください。");
}
