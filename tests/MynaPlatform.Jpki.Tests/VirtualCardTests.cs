using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class VirtualCardTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string LoginPin = "4821";
    private const string SignPin = "TESTPASS7";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("myna-card-tests-");

    private CliRunner Cli => new(_folder.FullName, new Dictionary<string, string>
    {
        ["JPKI_SIMULATOR_URL"] = simulator.BaseAddress.AbsoluteUri,
        ["LANG"] = "en_US.UTF-8",
    });

    [Fact]
    public async Task Issue_NewCard_WritesEncryptedKeys()
    {
        var result = await Cli.RunAsync("issue", "--out", "card.json", "--pin", LoginPin, "--sign-pin", SignPin);

        Assert.Equal(0, result.ExitCode);
        var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "card.json"))).RootElement;
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", card.GetProperty("login").GetProperty("encryptedPrivateKey").GetString());
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", card.GetProperty("signature").GetProperty("encryptedPrivateKey").GetString());
        Assert.True(IndividualNumber.IsValid(card.GetProperty("individualNumber").GetString()));
        Assert.DoesNotContain(LoginPin, File.ReadAllText(Path.Combine(_folder.FullName, "card.json")));
    }

    [Fact]
    public async Task Sign_CorrectPin_SignatureVerifiesWithCertificate()
    {
        var card = await IssueAsync();
        var data = Path.Combine(_folder.FullName, "application.xml");
        File.WriteAllText(data, "<申請>児童手当</申請>");

        var result = await Cli.RunAsync("sign", "--card", card, "--sign-pin", SignPin, "--in", data);

        Assert.Equal(0, result.ExitCode);
        using var certificate = X509Certificate2.CreateFromPem(result.Json.GetProperty("certificate").GetString());
        var signature = Convert.FromBase64String(result.Json.GetProperty("signature").GetString()!);
        Assert.True(certificate.GetRSAPublicKey()!.VerifyData(File.ReadAllBytes(data), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Contains("digital signature", certificate.Issuer);
    }

    [Fact]
    public async Task SignPin_FiveFailures_LocksCard()
    {
        var card = await IssueAsync();
        var data = WriteInput();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await Cli.RunAsync("sign", "--card", card, "--sign-pin", "WRONG99", "--in", data);
            Assert.Equal(3, wrong.ExitCode);
            Assert.StartsWith($"myna-card: {JpkiReasonCodes.PinIncorrect}:", wrong.Error);
            Assert.Contains($"{5 - attempt} more", wrong.Error);
        }

        var fifth = await Cli.RunAsync("sign", "--card", card, "--sign-pin", "WRONG99", "--in", data);
        Assert.Equal(4, fifth.ExitCode);
        Assert.Contains(JpkiReasonCodes.PinLocked, fifth.Error);

        // Once locked, even the correct password is refused and nothing is signed.
        var correct = await Cli.RunAsync("sign", "--card", card, "--sign-pin", SignPin, "--in", data);
        Assert.Equal(4, correct.ExitCode);
        Assert.Contains(JpkiReasonCodes.PinLocked, correct.Error);
        Assert.Equal("", correct.Output);
    }

    [Fact]
    public async Task SignPin_CorrectEntry_ResetsCounter()
    {
        var card = await IssueAsync();
        var data = WriteInput();
        await Cli.RunAsync("sign", "--card", card, "--sign-pin", "WRONG99", "--in", data);
        await Cli.RunAsync("sign", "--card", card, "--sign-pin", "WRONG99", "--in", data);

        Assert.Equal(3, await RemainingAsync(card, "signature"));
        Assert.Equal(0, (await Cli.RunAsync("sign", "--card", card, "--sign-pin", SignPin, "--in", data)).ExitCode);
        Assert.Equal(5, await RemainingAsync(card, "signature"));
    }

    [Fact]
    public async Task LoginPin_ThreeFailures_LocksCard()
    {
        var path = Path.Combine(_folder.FullName, await IssueAsync());
        var challenge = RandomNumberGenerator.GetBytes(32);

        var first = Assert.Throws<CardException>(() => VirtualCard.Open(path).Sign(CardKey.Login, "0000", challenge));
        Assert.Equal(JpkiReasonCodes.PinIncorrect, first.ReasonCode);
        Assert.Equal(2, first.RemainingAttempts);
        Assert.Throws<CardException>(() => VirtualCard.Open(path).Sign(CardKey.Login, "0000", challenge));
        var third = Assert.Throws<CardException>(() => VirtualCard.Open(path).Sign(CardKey.Login, "0000", challenge));
        Assert.Equal(JpkiReasonCodes.PinLocked, third.ReasonCode);

        var correct = Assert.Throws<CardException>(() => VirtualCard.Open(path).Sign(CardKey.Login, LoginPin, challenge));
        Assert.Equal(JpkiReasonCodes.PinLocked, correct.ReasonCode);

        // The signature key has its own counter and still works.
        Assert.Equal(5, VirtualCard.Open(path).RemainingAttempts(CardKey.Signature));
    }

    [Fact]
    public async Task LoginPin_CorrectEntry_SignsChallenge()
    {
        var path = Path.Combine(_folder.FullName, await IssueAsync());
        var challenge = RandomNumberGenerator.GetBytes(32);
        Assert.Throws<CardException>(() => VirtualCard.Open(path).Sign(CardKey.Login, "0000", challenge));

        var card = VirtualCard.Open(path);
        var signature = card.Sign(CardKey.Login, LoginPin, challenge);

        using var certificate = card.Certificate(CardKey.Login);
        Assert.True(certificate.GetRSAPublicKey()!.VerifyData(challenge, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(3, VirtualCard.Open(path).RemainingAttempts(CardKey.Login));
    }

    [Fact]
    public async Task SignPin_MalformedPin_CostsNoAttempt()
    {
        var card = await IssueAsync();

        var result = await Cli.RunAsync("sign", "--card", card, "--sign-pin", "abc", "--in", WriteInput());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(JpkiReasonCodes.PinFormatInvalid, result.Error);
        Assert.Equal(5, await RemainingAsync(card, "signature"));
    }

    [Fact]
    public async Task Status_HeldCard_ReportsOnHold()
    {
        var card = await IssueAsync();
        var cardId = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.FullName, card))).RootElement.GetProperty("cardId").GetString();
        using var hold = await simulator.Http.PostAsync($"/hotline/cards/{cardId}/hold", null, TestContext.Current.CancellationToken);

        var status = await Cli.RunAsync("status", "--card", card);

        Assert.Equal(0, status.ExitCode);
        Assert.Equal("OnHold", status.Json.GetProperty("login").GetProperty("revocation").GetString());
        Assert.Equal("OnHold", status.Json.GetProperty("signature").GetProperty("revocation").GetString());
        Assert.Equal("Valid", status.Json.GetProperty("login").GetProperty("validity").GetString());
    }

    [Fact]
    public async Task Issue_Renew_KeepsIndividualNumber()
    {
        var old = await IssueAsync("old.json");

        var result = await Cli.RunAsync("issue", "--out", "new.json", "--pin", LoginPin, "--sign-pin", SignPin, "--renew", old);

        Assert.Equal(0, result.ExitCode);
        var oldCard = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.FullName, old))).RootElement;
        var newCard = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "new.json"))).RootElement;
        Assert.Equal(oldCard.GetProperty("individualNumber").GetString(), newCard.GetProperty("individualNumber").GetString());
        Assert.NotEqual(oldCard.GetProperty("cardId").GetString(), newCard.GetProperty("cardId").GetString());

        var oldStatus = await Cli.RunAsync("status", "--card", old);
        Assert.Equal("Revoked", oldStatus.Json.GetProperty("login").GetProperty("revocation").GetString());
    }

    [Fact]
    public async Task Issue_ExistingFile_IsNotOverwritten()
    {
        var card = await IssueAsync();
        var before = File.ReadAllText(Path.Combine(_folder.FullName, card));

        var result = await Cli.RunAsync("issue", "--out", card, "--pin", LoginPin, "--sign-pin", SignPin);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains(JpkiReasonCodes.CardFileExists, result.Error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_folder.FullName, card)));
    }

    [Theory]
    [InlineData("123", "TESTPASS7")]
    [InlineData("12345", "TESTPASS7")]
    [InlineData("1234", "short")]
    [InlineData("1234", "lowercase99")]
    [InlineData("1234", "ABCDEFGHIJ1234567")]
    public async Task Issue_MalformedPins_ReturnsFormatCode(string pin, string signPin)
    {
        var result = await Cli.RunAsync("issue", "--out", "bad.json", "--pin", pin, "--sign-pin", signPin);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(JpkiReasonCodes.PinFormatInvalid, result.Error);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "bad.json")));
    }

    [Fact]
    public async Task Sign_AfterUse_LeavesNoTemporaryFiles()
    {
        var card = await IssueAsync();
        await Cli.RunAsync("sign", "--card", card, "--sign-pin", "WRONG99", "--in", WriteInput());
        await Cli.RunAsync("sign", "--card", card, "--sign-pin", SignPin, "--in", WriteInput());

        Assert.Empty(_folder.GetFiles("*.tmp"));
    }

    private async Task<string> IssueAsync(string name = "card.json")
    {
        var result = await Cli.RunAsync("issue", "--out", name, "--pin", LoginPin, "--sign-pin", SignPin);
        Assert.True(result.ExitCode == 0, result.Error);
        return name;
    }

    private string WriteInput()
    {
        var path = Path.Combine(_folder.FullName, "input.txt");
        File.WriteAllText(path, "signed content");
        return path;
    }

    private async Task<int> RemainingAsync(string card, string key)
    {
        var status = await Cli.RunAsync("status", "--card", card);
        return status.Json.GetProperty(key).GetProperty("remainingAttempts").GetInt32();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
