using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>Checks the screen a page shows with axe-core against WCAG 2.2 A and AA, and at 320 px width.</summary>
public static class AccessibilityCheck
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertAccessibleAsync(this IPage page, string screen)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });

        var violations = result.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{screen} has accessibility violations:\n{string.Join('\n', violations)}");
    }

    /// <summary>Checks that at 320 CSS pixels the page needs no horizontal scrolling (WCAG 1.4.10 Reflow).</summary>
    public static async Task AssertUsableAtNarrowWidthAsync(this IPage page, string screen)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{screen} is {width} px wide at a 320 px viewport, so it needs horizontal scrolling.");
    }
}
