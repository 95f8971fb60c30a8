using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MynaPlatform.Portal.Notices;

namespace MynaPlatform.Portal.Pages.Notices;

/// <summary>One notice: opening it marks it read. The person can archive it or move it back.</summary>
public sealed class ViewModel(NoticesClient notices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OpenedNotice? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Notice = (await notices.OpenAsync(Id, HttpContext.RequestAborted)).Value;
        return Notice is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(bool archived)
    {
        var result = await notices.SetArchivedAsync(Id, archived, HttpContext.RequestAborted);
        // Back to the list the notice came from: the inbox after archiving, the archive after moving it back.
        return result.Succeeded ? RedirectToPage("/Notices/Index", archived ? null : new { archived = true }) : NotFound();
    }
}
