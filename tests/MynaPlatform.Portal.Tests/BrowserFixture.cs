using Microsoft.Playwright;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// Launches Debian's Chromium once for the test project through Playwright, headless and without
/// a sandbox (tests run as root). Playwright downloads no browser. When Chromium is not installed,
/// the browser tests are skipped with that reason. When Playwright cannot drive the installed
/// Chromium, the fixture fails and names both versions, so a mismatch never passes silently.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Why the browser tests cannot run here, or null when the browser started.</summary>
    public string? SkipReason { get; private set; }

    public IBrowser Browser
    {
        get
        {
            Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
            return browser!;
        }
    }

    public static string PlaywrightVersion => typeof(IPlaywright).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>Folder of the screenshots of every screen, in the test output folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath}. Run scripts/prerequisites.sh (it installs Debian's chromium package) to run the browser tests.";
            Console.Error.WriteLine(SkipReason);
            return;
        }

        playwright = await Playwright.CreateAsync();
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox"],
            });
        }
        catch (PlaywrightException exception)
        {
            throw new InvalidOperationException(
                $"Playwright {PlaywrightVersion} could not start Chromium at {ChromiumPath}. The two versions may not work together: "
                + $"install the Debian chromium package that matches, or a Microsoft.Playwright version that supports it. {exception.Message}",
                exception);
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        Console.WriteLine($"Browser tests use Chromium {browser.Version} with Playwright {PlaywrightVersion}; screenshots go to {ScreenshotDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
