using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages.Account;

/// <summary>The person's nickname and e-mail address, and the nickname change.</summary>
public sealed class IndexModel(IdentityAccountClient account) : PageModel
{
    public AccountDetails Details { get; private set; } = new(null, null);

    [BindProperty]
    [Display(Name = "ニックネーム")]
    public string? Nickname { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public ScreenMessage? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Details = (await account.GetDetailsAsync(HttpContext.RequestAborted)).Value ?? Details;
        Nickname = Details.Nickname;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await account.ChangeNicknameAsync(Nickname ?? "", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage(new { saved = true });
        }

        Message = new ScreenMessage(
            "ニックネームを変更できませんでした。",
            "ニックネームは 1〜30 文字で入力してください。改行やタブなどの制御文字は使えません。");
        Details = (await account.GetDetailsAsync(HttpContext.RequestAborted)).Value ?? Details;
        return Page();
    }
}
