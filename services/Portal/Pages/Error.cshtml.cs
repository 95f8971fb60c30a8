using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Hosting;
using MynaPlatform.Portal.Display;

namespace MynaPlatform.Portal.Pages;

/// <summary>The page shown for an HTTP error status, in Japanese, with what to do next.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    public ScreenMessage Message { get; private set; } = Describe(null);

    /// <summary>The correlation id that the gateway also returns and logs, so an operator can find the request.</summary>
    public string RequestId => CorrelationId.Current ?? HttpContext.TraceIdentifier;

    public void OnGet() => Message = Describe(Code);

    public void OnPost() => Message = Describe(Code);

    // The status page runs again with the failed request's method, so every method the portal may receive has a handler.
    public void OnPut() => Message = Describe(Code);

    public void OnDelete() => Message = Describe(Code);

    public void OnPatch() => Message = Describe(Code);

    private static ScreenMessage Describe(int? code) => code switch
    {
        404 => new("ページが見つかりません。", "アドレスが正しいか確かめてください。メニューから目的の画面を開くこともできます。"),
        400 => new("画面の操作を受け付けられませんでした。", "画面を開き直してから、もう一度操作してください。"),
        429 => new("アクセスが集中しています。", "しばらく待ってから、もう一度お試しください。"),
        503 or 502 or 504 => new("ただいま処理できません。", "しばらく待ってから、もう一度お試しください。続く場合は、下の問い合わせ番号を添えて運用窓口へお問い合わせください。"),
        _ => new("エラーが発生しました。", "しばらく待ってから、もう一度お試しください。続く場合は、下の問い合わせ番号を添えて運用窓口へお問い合わせください。"),
    };
}
