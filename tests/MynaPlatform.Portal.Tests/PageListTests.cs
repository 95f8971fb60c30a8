using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class PageListTests
{
    [Fact]
    public void PortalPages_ListEveryRazorPage()
    {
        var compiled = typeof(PortalPages).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => item.Identifier["/Pages".Length..^".cshtml".Length])
            .Order()
            .ToList();

        Assert.NotEmpty(compiled);
        Assert.Equal(compiled, PortalPages.All.Select(page => page.PageName).Order().ToList());
    }
}
