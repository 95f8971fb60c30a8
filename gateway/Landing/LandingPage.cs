namespace MynaPlatform.Gateway.Landing;

/// <summary>
/// The page at the gateway's root until the portal is served there. It links each service's API document.
/// </summary>
public static class LandingPage
{
    public static IResult Render(GatewayOptions options)
    {
        var links = string.Concat(options.Services.Keys.Order().Select(service =>
            $"<li><a href=\"/api/{service}/openapi/v1.json\">{service}</a></li>"));
        var html = $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>MynaPlatform</title></head>
            <body>
            <main>
            <h1>MynaPlatform</h1>
            <p>ゲートウェイは稼働しています。利用者向けの画面はまだありません。</p>
            <h2>API 仕様 (OpenAPI)</h2>
            <ul>{links}</ul>
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
