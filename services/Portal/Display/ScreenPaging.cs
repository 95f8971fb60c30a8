using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MynaPlatform.Portal.Display;

/// <summary>Page-number checks for the list screens, whose page number only an edited address can get wrong.</summary>
public static class ScreenPaging
{
    /// <summary>
    /// Returns a message when the query string's <c>page</c> is not a whole number from 1, such as
    /// <c>page=abc</c> (which binding leaves at its default) or <c>page=0</c>; otherwise null.
    /// </summary>
    public static ScreenMessage? CheckPage(ModelStateDictionary modelState, int page)
    {
        return modelState.HasErrorFor("page") || page < 1
            ? new ScreenMessage("ページ番号を確かめてください。", "ページ番号は 1 以上の整数です。最初のページを表示しています。")
            : null;
    }
}
