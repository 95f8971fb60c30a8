using MynaPlatform.Identity.Tokens;
using Xunit;

namespace MynaPlatform.Identity.Tests;

public sealed class OAuthErrorTextsTests
{
    private const string Documentation = "https://documentation.openiddict.com/errors/";

    [Fact]
    public void Describe_KnownId_QuotesParameter()
    {
        var text = OAuthErrorTexts.Describe("invalid_request", "The mandatory 'device_code' parameter is missing.", Documentation + "ID2029");

        Assert.Equal("必須のパラメーター 'device_code' がありません。'device_code' を指定してください。", text);
    }

    [Fact]
    public void Describe_UnknownClientId_NamesFix()
    {
        var text = OAuthErrorTexts.Describe("invalid_client", "The specified 'client_id' is invalid.", Documentation + "ID2052");

        Assert.Equal("指定された 'client_id' が正しくありません。'client_id' には登録済みの値を指定してください。", text);
    }

    [Fact]
    public void Describe_MissingClientSecret_NamesFix()
    {
        var text = OAuthErrorTexts.Describe("invalid_client", "Client authentication is required for this application.", Documentation + "ID2198");

        Assert.Contains("client_secret を指定してください", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TwoValues_KeepsOrder()
    {
        var text = OAuthErrorTexts.Describe("invalid_request", "The 'scope' parameter cannot be used without 'resource'.", Documentation + "ID2037");

        Assert.Equal("パラメーター 'scope' は 'resource' と一緒に指定してください。", text);
    }

    [Fact]
    public void Describe_UnknownId_UsesErrorCode()
    {
        var text = OAuthErrorTexts.Describe("slow_down", "Slow down.", Documentation + "ID9999");

        Assert.Equal("問い合わせの間隔が短すぎます。interval 秒以上あけてください。", text);
    }

    [Fact]
    public void Describe_MissingQuotedValue_UsesErrorCode()
    {
        var text = OAuthErrorTexts.Describe("invalid_request", "A parameter is missing.", Documentation + "ID2029");

        Assert.Equal("リクエストの形式が正しくありません。パラメーターを確認してください。", text);
    }

    [Fact]
    public void Describe_UnknownErrorCode_GenericText()
    {
        var text = OAuthErrorTexts.Describe("use_dpop_nonce", "Nonce needed.", Documentation + "ID9999");

        Assert.Equal("要求を処理できませんでした。error と error_uri を確認してください。", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://example.test/errors/ID2029")]
    [InlineData(Documentation + "ID2024")]
    public void Describe_PlatformOwnError_KeepsText(string? errorUri)
    {
        Assert.Null(OAuthErrorTexts.Describe("invalid_grant", "証明書は失効しています。", errorUri));
    }
}
