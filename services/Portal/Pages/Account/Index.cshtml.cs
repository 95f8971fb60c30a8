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
            "ニックネームは 30 文字以内で入力してください。改行やタブ、文字の向きを変える記号などの制御文字は使えません。空にして保存すると、ニックネームを消します。");
        Details = (await account.GetDetailsAsync(HttpContext.RequestAborted)).Value ?? Details;
        return Page();
    }
}
