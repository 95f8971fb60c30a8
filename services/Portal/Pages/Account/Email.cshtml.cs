using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.Portal.Display;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.Pages.Account;

/// <summary>
/// The e-mail change. Identity accepts it only after a step-up in this session, so a first
/// attempt shows a step-up code to confirm with <c>myna-card step-up</c>, and the person sends the
/// change again once the card approved it.
/// </summary>
public sealed class EmailModel(IdentityAccountClient account) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Set by the form shown with a step-up code, so a change still lacking the card's approval shows that.</summary>
    [BindProperty]
    public bool Confirming { get; set; }

    public StepUpCode? StepUp { get; private set; }

    public ScreenMessage? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Email = (await account.GetDetailsAsync(HttpContext.RequestAborted)).Value?.Email;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await account.ChangeEmailAsync(Email?.Trim() ?? "", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage("/Account/Index", new { saved = true });
        }

        if (result.Problem!.ReasonCode == StepUpRoutes.Required)
        {
            var stepUp = await account.StartStepUpAsync(HttpContext.RequestAborted);
            StepUp = stepUp.Value;
            Message = Confirming
                ? new ScreenMessage("カードでの承認が確認できませんでした。", "表示された新しいコードで myna-card step-up を実行してから、もう一度「変更する」を押してください。")
                : null;
            return Page();
        }

        Message = new ScreenMessage(
            "メールアドレスの形式が正しくありません。",
            "user@example.jp のような形式で、254 文字以内で入力してください。");
        return Page();
    }
}
