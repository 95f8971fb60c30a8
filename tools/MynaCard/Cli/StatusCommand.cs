using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaCard.Simulator;

namespace MynaPlatform.MynaCard.Cli;

/// <summary><c>status</c>: tries left for each PIN, validity and revocation state of each certificate.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var card = new Option<string>("--card") { HelpName = "file", Required = true, Description = text.Pick("カードファイルのパス。", "Path of the card file.") };
        var simulator = context.SimulatorOption();

        var command = new Command("status", text.Pick(
            "暗証番号の残り回数、証明書の有効期間、一時保留・失効の状態を表示します。状態は証明書の CRL 配布点から調べます。",
            "Shows the tries left for each PIN, the validity of each certificate, and whether it is on hold or revoked (from its CRL distribution point)."))
        {
            card, simulator,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var virtualCard = VirtualCard.Open(context.Environment.ResolvePath(result.GetRequiredValue(card)));
            var fallback = TryResolve(result.GetValue(simulator), context.Environment);

            context.WriteJson(new
            {
                virtualCard.File.CardId,
                Login = await DescribeAsync(virtualCard, CardKey.Login, fallback, context.Environment.Clock, cancellationToken),
                Signature = await DescribeAsync(virtualCard, CardKey.Signature, fallback, context.Environment.Clock, cancellationToken),
            });
            return ExitCodes.Success;
        });

        return command;
    }

    private static async Task<object> DescribeAsync(
        VirtualCard card, CardKey key, Uri? fallback, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var certificate = card.Certificate(key);
        using var issuer = card.CaCertificate(key);
        var now = clock.GetUtcNow();

        string revocation;
        string? revocationReasonCode = null;
        try
        {
            revocation = (await RevocationCheck.FindStateAsync(certificate, issuer, fallback, now, cancellationToken)).ToString();
        }
        catch (CardException failure)
        {
            revocation = "Unknown";
            revocationReasonCode = failure.ReasonCode;
        }

        return new
        {
            RemainingAttempts = card.RemainingAttempts(key),
            MaxAttempts = PinRules.MaxAttempts(key),
            Locked = card.RemainingAttempts(key) == 0,
            certificate.SerialNumber,
            NotBefore = new DateTimeOffset(certificate.NotBefore),
            NotAfter = new DateTimeOffset(certificate.NotAfter),
            Validity = Validity(certificate, now),
            Revocation = revocation,
            RevocationReasonCode = revocationReasonCode,
        };
    }

    private static string Validity(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now < certificate.NotBefore)
        {
            return "NotYetValid";
        }

        return now > certificate.NotAfter ? "Expired" : "Valid";
    }

    private static Uri? TryResolve(string? option, CliEnvironment environment)
    {
        try
        {
            return EndpointResolver.Resolve(option, EndpointResolver.SimulatorVariable, environment);
        }
        catch (CardException failure) when (failure.ReasonCode == JpkiReasonCodes.EndpointNotConfigured)
        {
            return null;
        }
    }
}
