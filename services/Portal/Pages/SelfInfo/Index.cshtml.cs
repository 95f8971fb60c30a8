using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.SelfInfo;

namespace MynaPlatform.Portal.Pages.SelfInfo;

/// <summary>The categories of あなたの情報 by group, each with the number of the person's records, and the search form.</summary>
public sealed class IndexModel(SelfInfoClient selfInfo) : PageModel
{
    public IReadOnlyList<IGrouping<string, CategoryCount>> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var categories = (await selfInfo.ListCategoriesAsync(HttpContext.RequestAborted)).Value?.Categories ?? [];
        Groups = [.. categories.GroupBy(category => category.Group)];
    }
}
