using System.CommandLine;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Platform;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>
/// <c>report-lost</c>: reports the card lost to the platform, which puts it on hold and ends every
/// session of its holder. No PIN is needed, as at the hotline; lifting the hold needs the counter.
/// </summary>
public static class ReportLostCommand
{
    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var card = new Option<string>("--card") { HelpName = "file", Required = true, Description = text.Pick("カードファイルのパス。", "Path of the card file.") };
        var gateway = new Option<string>("--gateway")
        {
            HelpName = "url",
            Description = text.Pick("ゲートウェイの URL。省略時は login と同じ方法で決めます。", "URL of the gateway. Defaults as for login."),
        };

        var command = new Command("report-lost", text.Pick(
            "カードの紛失をプラットフォームに届け出ます。証明書は一時保留され、すべてのセッションが終了します。",
            "Reports the card lost to the platform: its certificates are put on hold and every session ends."))
        {
            card, gateway,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var virtualCard = VirtualCard.Open(context.Environment.ResolvePath(result.GetRequiredValue(card)));
            using var certificate = virtualCard.Certificate(CardKey.Login);
            using var client = new LoginClient(LoginCommand.ResolveGateway(result.GetValue(gateway), context.Environment));

            var report = await client.ReportLostAsync(certificate.RawData, cancellationToken);

            // The JSON on standard output is for scripts, and the sentence on standard error for the person.
            context.WriteJson(report);
            context.Environment.Error.WriteLine(report.AlreadyHeld
                ? text.Pick("このカードは紛失届が出ていて、すでに一時保留中です。", "The card was already reported lost and is on hold.")
                : text.Pick(
                    "紛失届を受け付けました。電子証明書を一時保留にし、すべてのセッションを終了しました。保留の解除は市区町村の窓口で手続きしてください。",
                    "The card is reported lost: its certificates are on hold and every session has ended. Lifting the hold needs a visit to the municipal counter."));
            return ExitCodes.Success;
        });

        return command;
    }
}
