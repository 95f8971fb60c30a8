using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Cli;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class CliTextTests
{
    [Theory]
    [InlineData(true, "myna-card issue でカードを発行し直してください")]
    [InlineData(false, "issue a new card with myna-card issue")]
    public void UntrustedCertificate_SuggestsNewCard(bool japanese, string expected)
    {
        var text = new CliText(japanese).Describe(new CardException(JpkiReasonCodes.CertificateUntrusted, "この証明書は信頼できません。"));

        Assert.StartsWith("この証明書は信頼できません。", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}
