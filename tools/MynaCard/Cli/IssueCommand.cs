using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Simulator;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// <c>issue</c>: makes both key pairs on the card, has the simulator's counter certify them and
/// saves the card. PINs and private keys never leave this process.
/// </summary>
public static class IssueCommand
{
    private static readonly Dictionary<string, Func<TestIssuingOptions, TestIssuingOptions>> TestOptions = new()
    {
        ["expired"] = options => options with { Validity = TestValidity.Expired },
        ["not-yet-valid"] = options => options with { Validity = TestValidity.NotYetValid },
        ["no-digital-signature"] = options => options with { OmitDigitalSignatureKeyUsage = true },
        ["unknown-ca"] = options => options with { UnknownCa = true },
        ["serial-leading-zero"] = options => options with { SerialNumber = TestSerialNumber.LeadingZeroByte },
        ["serial-20-bytes"] = options => options with { SerialNumber = TestSerialNumber.TwentyBytes },
    };

    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var output = new Option<string>("--out") { HelpName = "file", Required = true, Description = text.Pick("作成するカードファイルのパス。既存のファイルは上書きしません。", "Path of the card file to create; an existing file is never overwritten.") };
        var pin = new Option<string>("--pin") { HelpName = "nnnn", Required = true, Description = text.Pick("利用者証明用暗証番号 (数字 4 桁)。", "Login PIN (4 digits).") };
        var signPin = new Option<string>("--sign-pin") { HelpName = "password", Required = true, Description = text.Pick("署名用パスワード (英大文字と数字 6〜16 文字)。", "Signature password (6 to 16 upper-case letters and digits).") };
        var renew = new Option<string>("--renew") { HelpName = "file", Description = text.Pick("更新元のカードファイル。同じ住民・同じ個人番号で新しい鍵と証明書のカードを作り、元のカードの証明書は失効します。", "Card file to renew: the new card has new keys and certificates for the same resident and number, and the old card's certificates are revoked.") };
        var name = new Option<string>("--name") { Description = text.Pick("架空の住民の氏名。省略時は自動で作ります。", "Name of the fictitious resident; made up when omitted.") };
        var address = new Option<string>("--address") { Description = text.Pick("架空の住民の住所。省略時は自動で作ります。", "Address of the fictitious resident; made up when omitted.") };
        var birthDate = new Option<string>("--birth-date") { HelpName = "yyyy-MM-dd", Description = text.Pick("生年月日 (yyyy-MM-dd)。証明書の有効期限は発行後 5 回目の誕生日です。", "Date of birth (yyyy-MM-dd); certificates expire on the fifth birthday after issue.") };
        var sex = new Option<string>("--sex") { Description = text.Pick("性別 (male または female)。", "Sex (male or female).") };
        sex.AcceptOnlyFromAmong("male", "female");
        var testOption = new Option<string[]>("--test-option")
        {
            Description = text.Pick("テスト用に欠陥のある証明書を作ります (複数指定可): ", "Makes deliberately faulty certificates for tests (repeatable): ") + string.Join(", ", TestOptions.Keys),
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "name",
        };
        testOption.AcceptOnlyFromAmong([.. TestOptions.Keys]);
        var simulator = context.SimulatorOption();

        var command = new Command("issue", text.Pick("JPKI シミュレーターの窓口でカードを発行します。", "Gets a new card from the JPKI simulator's municipal counter."))
        {
            output, pin, signPin, renew, name, address, birthDate, sex, testOption, simulator,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var request = new IssueRequest(
                context.Environment.ResolvePath(result.GetRequiredValue(output)),
                result.GetRequiredValue(pin),
                result.GetRequiredValue(signPin),
                result.GetValue(renew) is { } renewPath ? context.Environment.ResolvePath(renewPath) : null,
                ReadResident(result.GetValue(name), result.GetValue(address), result.GetValue(birthDate), result.GetValue(sex)),
                (result.GetValue(testOption) ?? []).Aggregate(new TestIssuingOptions(), (options, value) => TestOptions[value](options)));

            var simulatorUrl = EndpointResolver.Resolve(result.GetValue(simulator), EndpointResolver.SimulatorVariable, context.Environment);
            var card = await IssueAsync(request, simulatorUrl, context.Environment.Clock, cancellationToken);

            context.WriteJson(new
            {
                card.CardId,
                Card = request.OutputPath,
                Login = Summarize(card.Login),
                Signature = Summarize(card.Signature),
            });
            return ExitCodes.Success;
        });

        return command;
    }

    private sealed record IssueRequest(
        string OutputPath, string Pin, string SignPin, string? RenewPath, ResidentDetails? Resident, TestIssuingOptions TestOptions);

    private static async Task<CardFile> IssueAsync(IssueRequest request, Uri simulatorUrl, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PinRules.IsWellFormed(CardKey.Login, request.Pin))
        {
            throw new CardException(JpkiReasonCodes.PinFormatInvalid) { Key = CardKey.Login };
        }

        if (!PinRules.IsWellFormed(CardKey.Signature, request.SignPin))
        {
            throw new CardException(JpkiReasonCodes.PinFormatInvalid) { Key = CardKey.Signature };
        }

        if (File.Exists(request.OutputPath))
        {
            throw new CardException(JpkiReasonCodes.CardFileExists, request.OutputPath);
        }

        CardRenewal? renewal = null;
        if (request.RenewPath is not null)
        {
            var oldCard = CardStore.Load(request.RenewPath);
            renewal = new CardRenewal(oldCard.CardId, oldCard.IndividualNumber);
        }

        using var loginKeys = new CardKeys();
        using var signatureKeys = new CardKeys();
        using var simulator = new SimulatorClient(simulatorUrl);

        var issued = await simulator.IssueCardAsync(new IssueCardRequest(
            loginKeys.CreateCertificateRequestPem(),
            signatureKeys.CreateCertificateRequestPem(),
            request.Resident,
            renewal,
            request.TestOptions == new TestIssuingOptions() ? null : request.TestOptions), cancellationToken);

        var card = new CardFile
        {
            Format = CardFile.CurrentFormat,
            CardId = issued.CardId,
            IndividualNumber = issued.IndividualNumber,
            IssuedAt = clock.GetUtcNow(),
            Login = Slot(loginKeys, request.Pin, issued.LoginCertificate, issued.LoginCaCertificate),
            Signature = Slot(signatureKeys, request.SignPin, issued.SignatureCertificate, issued.SignatureCaCertificate),
        };

        CardStore.Save(request.OutputPath, card);
        return card;
    }

    private static CardKeySlot Slot(CardKeys keys, string pin, string certificatePem, string caCertificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        if (!keys.Matches(certificate))
        {
            throw new CardException(JpkiReasonCodes.ServerError, "The simulator returned a certificate for another key.");
        }

        return new CardKeySlot { Certificate = certificatePem, CaCertificate = caCertificatePem, EncryptedPrivateKey = keys.ExportEncrypted(pin) };
    }

    private static ResidentDetails? ReadResident(string? name, string? address, string? birthDate, string? sex)
    {
        if (name is null && address is null && birthDate is null && sex is null)
        {
            return null;
        }

        DateOnly? dateOfBirth = null;
        if (birthDate is not null)
        {
            if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new CardException(JpkiReasonCodes.UsageInvalid, $"--birth-date {birthDate}: yyyy-MM-dd");
            }

            dateOfBirth = parsed;
        }

        ResidentSex? residentSex = sex switch
        {
            "male" => ResidentSex.Male,
            "female" => ResidentSex.Female,
            _ => null,
        };
        return new ResidentDetails(name, address, dateOfBirth, residentSex);
    }

    private static object Summarize(CardKeySlot slot)
    {
        using var certificate = X509Certificate2.CreateFromPem(slot.Certificate);
        return new { certificate.SerialNumber, NotBefore = new DateTimeOffset(certificate.NotBefore), NotAfter = new DateTimeOffset(certificate.NotAfter) };
    }
}
