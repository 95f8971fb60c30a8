using System.CommandLine;
using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Cli;

/// <summary><c>sign</c>: signs a file with the signature key (sha256WithRSAEncryption).</summary>
public static class SignCommand
{
    public const string Algorithm = "sha256WithRSAEncryption";

    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var card = new Option<string>("--card") { HelpName = "file", Required = true, Description = text.Pick("カードファイルのパス。", "Path of the card file.") };
        var signPin = new Option<string>("--sign-pin") { HelpName = "password", Required = true, Description = text.Pick("署名用パスワード。5 回続けて間違えるとロックされます。", "Signature password; 5 wrong entries in a row lock it.") };
        var input = new Option<string>("--in") { HelpName = "file", Required = true, Description = text.Pick("署名するファイル。", "File to sign.") };
        var output = new Option<string>("--out") { HelpName = "file", Description = text.Pick("結果の JSON を書くファイル。省略時は標準出力に書きます。", "File for the JSON result; standard output when omitted.") };

        var command = new Command("sign", text.Pick(
            "署名用電子証明書の鍵でファイルに署名します。結果は署名 (Base64) と証明書 (PEM) の JSON です。",
            "Signs a file with the signature certificate's key. The result is JSON with the signature (Base64) and the certificate (PEM)."))
        {
            card, signPin, input, output,
        };

        command.SetAction(result =>
        {
            var inputPath = context.Environment.ResolvePath(result.GetRequiredValue(input));
            if (!File.Exists(inputPath))
            {
                throw new CardException(JpkiReasonCodes.InputFileNotFound, inputPath);
            }

            var virtualCard = VirtualCard.Open(context.Environment.ResolvePath(result.GetRequiredValue(card)));
            var signature = virtualCard.Sign(CardKey.Signature, result.GetRequiredValue(signPin), File.ReadAllBytes(inputPath));

            var json = context.ToJson(new
            {
                Algorithm,
                Signature = Convert.ToBase64String(signature),
                Certificate = virtualCard.File.Signature.Certificate,
            });

            if (result.GetValue(output) is { } outputPath)
            {
                File.WriteAllText(context.Environment.ResolvePath(outputPath), json);
            }
            else
            {
                context.Environment.Output.WriteLine(json);
            }

            return ExitCodes.Success;
        });

        return command;
    }
}
