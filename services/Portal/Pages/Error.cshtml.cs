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

    /// <summary>
    /// The message for <see cref="Code"/>. The status page runs again with the failed request's
    /// method, so the page has no handler for any method and reads the message from the bound code.
    /// </summary>
    public ScreenMessage Message => Describe(Code);

    /// <summary>The correlation id that the gateway also returns and logs, so an operator can find the request.</summary>
    public string RequestId => CorrelationId.Current ?? HttpContext.TraceIdentifier;

    private static ScreenMessage Describe(int? code) => code switch
    {
        404 => new("ページが見つかりません。", "アドレスが正しいか確かめてください。メニューから目的の画面を開くこともできます。"),
        400 => new("画面の操作を受け付けられませんでした。", "画面を開き直してから、もう一度操作してください。"),
        429 => new("アクセスが集中しています。", "しばらく待ってから、もう一度お試しください。"),
        503 or 502 or 504 => new("ただいま処理できません。", "しばらく待ってから、もう一度お試しください。続く場合は、下の問い合わせ番号を添えて運用窓口へお問い合わせください。"),
        _ => new("エラーが発生しました。", "しばらく待ってから、もう一度お試しください。続く場合は、下の問い合わせ番号を添えて運用窓口へお問い合わせください。"),
    };
}
