using System.CommandLine;
using System.Web;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Platform;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// <c>login</c>: signs a one-time challenge with the login key and sends the proof to the gateway.
/// Without <c>--code</c> it prints the access token as its last line; with it, it approves the
/// portal login that shows that code.
/// </summary>
public static class LoginCommand
{
    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var card = new Option<string>("--card") { HelpName = "file", Required = true, Description = text.Pick("カードファイルのパス。", "Path of the card file.") };
        var pin = new Option<string>("--pin") { HelpName = "nnnn", Required = true, Description = text.Pick("利用者証明用暗証番号 (数字 4 桁)。3 回続けて間違えるとロックされます。", "Login PIN (4 digits); 3 wrong entries in a row lock it.") };
        var code = new Option<string>("--code")
        {
            HelpName = "code",
            Description = text.Pick(
                "ポータルに表示されたログイン用コード、または QR コードのアドレス。指定するとそのポータルのログインを承認します。",
                "Login code shown by the portal, or the address in its QR code; approves that portal login."),
        };
        var gateway = new Option<string>("--gateway")
        {
            HelpName = "url",
            Description = text.Pick(
                $"ゲートウェイの URL。省略時は環境変数 {EndpointResolver.GatewayVariable}、次に {EndpointResolver.PlatformEnvPath} の GATEWAY_URL を使います。",
                $"URL of the gateway. Defaults to the environment variable {EndpointResolver.GatewayVariable}, then to GATEWAY_URL in {EndpointResolver.PlatformEnvPath}."),
        };

        var command = new Command("login", text.Pick(
            "カードの利用者証明用電子証明書でプラットフォームにログインし、最後の行にアクセストークンを出力します。",
            "Logs in to the platform with the card's login certificate and prints the access token as the last line."))
        {
            card, pin, code, gateway,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var userCode = result.GetValue(code) is { } given ? ReadLoginCode(given, text) : null;
            var virtualCard = VirtualCard.Open(context.Environment.ResolvePath(result.GetRequiredValue(card)));
            var pinValue = result.GetRequiredValue(pin);
            if (!PinRules.IsWellFormed(CardKey.Login, pinValue))
            {
                throw new CardException(JpkiReasonCodes.PinFormatInvalid) { Key = CardKey.Login };
            }

            using var client = new LoginClient(ResolveGateway(result.GetValue(gateway), context.Environment));
            var challenge = await client.GetChallengeAsync(cancellationToken);
            var signature = virtualCard.Sign(CardKey.Login, pinValue, Convert.FromBase64String(challenge.Challenge));
            using var certificate = virtualCard.Certificate(CardKey.Login);
            var proof = new Dictionary<string, string>
            {
                [LoginRoutes.ChallengeIdParameter] = challenge.ChallengeId,
                [LoginRoutes.CertificateParameter] = Convert.ToBase64String(certificate.RawData),
                [LoginRoutes.SignatureParameter] = Convert.ToBase64String(signature),
            };

            if (userCode is not null)
            {
                await client.ApproveDeviceAsync(userCode, proof, cancellationToken);
                context.Environment.Output.WriteLine(text.Pick("ポータルのログインを承認しました。", "The portal login is approved."));
                return ExitCodes.Success;
            }

            var tokens = await client.GetTokensAsync(proof, cancellationToken);
            context.Environment.Output.WriteLine(tokens.GetProperty("access_token").GetString());
            return ExitCodes.Success;
        });

        return command;
    }

    private const string PlatformGatewayKey = "GATEWAY_URL";

    private const int LoginCodeDigits = 12;

    /// <summary>
    /// Returns the login code from <paramref name="value"/>: the code as the portal shows it (12 digits,
    /// hyphens and spaces allowed), or the address in the portal's QR code, whose <c>user_code</c> parameter contains it.
    /// </summary>
    internal static string ReadLoginCode(string value, CliText text)
    {
        var code = value.Trim();
        if (Uri.TryCreate(code, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            code = HttpUtility.ParseQueryString(address.Query)["user_code"] ?? "";
        }

        code = string.Concat(code.Where(character => character is not ('-' or ' ')));
        if (code.Length != LoginCodeDigits || !code.All(char.IsAsciiDigit))
        {
            throw new CardException(JpkiReasonCodes.UsageInvalid, text.Pick(
                $"--code {value}: ポータルに表示された {LoginCodeDigits} 桁のログイン用コード (例: 0174-1608-2470) か、QR コードのアドレスを指定してください。",
                $"--code {value}: give the {LoginCodeDigits}-digit login code shown by the portal (for example 0174-1608-2470) or the address in its QR code."));
        }

        return code;
    }

    internal static Uri ResolveGateway(string? option, CliEnvironment environment)
    {
        try
        {
            return EndpointResolver.Resolve(option, EndpointResolver.GatewayVariable, environment);
        }
        catch (CardException failure) when (failure.ReasonCode == JpkiReasonCodes.EndpointNotConfigured && option is null
            && failure.Subject == EndpointResolver.GatewayVariable)
        {
            // platform.env names the gateway GATEWAY_URL. When that is missing too, the error names the documented variable.
            try
            {
                return EndpointResolver.Resolve(null, PlatformGatewayKey, environment);
            }
            catch (CardException missing) when (missing.Subject == PlatformGatewayKey)
            {
                throw failure;
            }
        }
    }
}
