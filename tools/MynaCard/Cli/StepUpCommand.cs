using System.CommandLine;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Platform;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// <c>step-up</c>: signs a new login challenge with the login key and approves the step-up code
/// that a logged-in session received, so that the session may make one sensitive change.
/// </summary>
public static class StepUpCommand
{
    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var card = new Option<string>("--card") { HelpName = "file", Required = true, Description = text.Pick("カードファイルのパス。", "Path of the card file.") };
        var pin = new Option<string>("--pin") { HelpName = "nnnn", Required = true, Description = text.Pick("利用者証明用暗証番号 (数字 4 桁)。3 回続けて間違えるとロックされます。", "Login PIN (4 digits); 3 wrong entries in a row lock it.") };
        var code = new Option<string>("--code") { HelpName = "code", Required = true, Description = text.Pick("再認証のために表示されたコード。", "Step-up code that the session received.") };
        var gateway = new Option<string>("--gateway")
        {
            HelpName = "url",
            Description = text.Pick(
                $"ゲートウェイの URL。省略時は環境変数 {EndpointResolver.GatewayVariable}、次に {EndpointResolver.PlatformEnvPath} の GATEWAY_URL を使います。",
                $"URL of the gateway. Defaults to the environment variable {EndpointResolver.GatewayVariable}, then to GATEWAY_URL in {EndpointResolver.PlatformEnvPath}."),
        };

        var command = new Command("step-up", text.Pick(
            "カードの利用者証明用電子証明書で再認証し、ログイン中のセッションに表示されたコードを承認します。",
            "Proves the person again with the card's login certificate and approves the step-up code of a logged-in session."))
        {
            card, pin, code, gateway,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var virtualCard = VirtualCard.Open(context.Environment.ResolvePath(result.GetRequiredValue(card)));
            var pinValue = result.GetRequiredValue(pin);
            if (!PinRules.IsWellFormed(CardKey.Login, pinValue))
            {
                throw new CardException(JpkiReasonCodes.PinFormatInvalid) { Key = CardKey.Login };
            }

            using var client = new LoginClient(LoginCommand.ResolveGateway(result.GetValue(gateway), context.Environment));
            var challenge = await client.GetChallengeAsync(cancellationToken);
            var signature = virtualCard.Sign(CardKey.Login, pinValue, Convert.FromBase64String(challenge.Challenge));
            using var certificate = virtualCard.Certificate(CardKey.Login);
            var proof = new StepUpVerificationRequest(
                result.GetRequiredValue(code), challenge.ChallengeId, Convert.ToBase64String(certificate.RawData), Convert.ToBase64String(signature));

            await client.ApproveStepUpAsync(proof, cancellationToken);
            context.Environment.Output.WriteLine(text.Pick("再認証を承認しました。", "The step-up is approved."));
            return ExitCodes.Success;
        });

        return command;
    }
}
