using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages;

/// <summary>Ends the session at identity, so its tokens stop working everywhere, and then the portal session.</summary>
public sealed class LogoutModel(IdentityAccountClient account) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await account.LogoutAsync(HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Login", new { loggedOut = true });
    }
}
