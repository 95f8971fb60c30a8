using MynaPlatform.MynaDemo.Catalog;
using MynaPlatform.MynaDemo.Cli;
using MynaPlatform.MynaDemo.Seeding;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class LoginInstructionsTests
{
    private static readonly string Checkout = Path.Combine(Path.GetTempPath(), "checkout");

    [Fact]
    public void Write_FilesBelowWorkingFolder_ShowsRelativePaths()
    {
        var text = Write(Path.Combine(Checkout, ".data"), Checkout);

        Assert.Contains($"--card {Path.Combine(".data", "demo", "myna-card.json")} ", text);
        Assert.Contains($"also in {Path.Combine(".data", "platform.env")} as", text);
    }

    [Fact]
    public void Write_FilesElsewhere_ShowsFullPaths()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "elsewhere", "data");

        var text = Write(dataDirectory, Checkout);

        Assert.Contains($"--card {Path.Combine(dataDirectory, "demo", "myna-card.json")} ", text);
        Assert.Contains($"also in {Path.Combine(dataDirectory, "platform.env")} as", text);
    }

    private static string Write(string dataDirectory, string workingDirectory)
    {
        var gateway = new Uri("http://127.0.0.1:5080/");
        var card = DemoSettings.DefaultCardPath(dataDirectory);
        var settings = new DemoSettings(gateway, new Uri("http://127.0.0.1:5090/"), gateway, "operator", "secret",
            Path.Combine(dataDirectory, "platform.env"), card);
        var result = new DemoResult(gateway, card, "4821", new Dictionary<string, string>(), new DemoContent(new DateOnly(2026, 4, 1)),
            0, 0, 0, false);
        using var output = new StringWriter();
        LoginInstructions.Write(output, result, settings, workingDirectory);
        return output.ToString();
    }
}
