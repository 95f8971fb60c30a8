using System.CommandLine;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.MynaLog.Api;
using MynaPlatform.MynaLog.State;

namespace MynaPlatform.MynaLog.Cli;

/// <summary><c>verify</c>: fetches the person's chain, verifies it and checks it extends the head remembered from the last run.</summary>
public static class VerifyCommand
{
    public const string TokenVariable = "MYNA_ACCESS_TOKEN";

    public static Command Create(CliContext context)
    {
        var text = context.Text;
        var token = new Option<string>("--token")
        {
            HelpName = "token",
            Description = text.Pick($"本人のアクセストークン。省略時は環境変数 {TokenVariable} を使います。",
                $"The person's access token. Defaults to the environment variable {TokenVariable}."),
        };
        var gateway = new Option<string>("--gateway")
        {
            HelpName = "url",
            Description = text.Pick(
                $"ゲートウェイの URL。省略時は環境変数 {GatewayResolver.GatewayVariable}、次に {GatewayResolver.PlatformEnvPath} の {GatewayResolver.PlatformEnvKey} を使います。",
                $"URL of the gateway. Defaults to the environment variable {GatewayResolver.GatewayVariable}, then to {GatewayResolver.PlatformEnvKey} in {GatewayResolver.PlatformEnvPath}."),
        };
        var state = new Option<string>("--state")
        {
            HelpName = "file",
            Description = text.Pick("前回確認した先頭を記憶するファイル。省略時は ~/.config/myna-log/state.json です。",
                "File that remembers the last verified head. Defaults to ~/.config/myna-log/state.json."),
        };
        var keys = new Option<string>("--keys")
        {
            HelpName = "file",
            Description = text.Pick("信頼する公開鍵の JWKS ファイル。省略時はプラットフォームが公開する鍵を初回に記憶して使います。",
                "JWKS file of the public keys to trust. By default the keys the platform publishes are remembered on first use."),
        };
        var full = new Option<bool>("--full")
        {
            Description = text.Pick("前回以降の分だけでなく、すべての記録を確認します。", "Verifies every entry, not only those after the last run."),
        };
        var reset = new Option<bool>("--reset")
        {
            Description = text.Pick("記憶した先頭と鍵を使わず、最初から確認し直します。", "Ignores the remembered head and keys and starts over."),
        };

        var command = new Command("verify", text.Pick(
            "やりとり履歴を取得し、ハッシュの連鎖と署名を確認します。前回確認した先頭を記憶し、次回は新しい記録だけを取得して、履歴が切り詰め・書き換え・分岐されていないかを確認します。",
            "Fetches the access log and verifies its hash chain and signatures. Remembers the verified head, and on the next run fetches only new entries and checks that the history was not truncated, rewritten or forked."))
        {
            token, gateway, state, keys, full, reset,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new VerifyOptions(
                GatewayResolver.Resolve(result.GetValue(gateway), context.Environment),
                result.GetValue(token) ?? context.Environment.GetVariable(TokenVariable) ?? throw new MynaLogException(MynaLogReasonCodes.TokenMissing),
                StateStore.Locate(result.GetValue(state), context.Environment),
                result.GetValue(keys) is { } keysPath ? context.Environment.ResolvePath(keysPath) : null,
                result.GetValue(full),
                result.GetValue(reset));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var run = await new VerifyRun(options, http).RunAsync(cancellationToken);
            return Report(context, options, run);
        });

        return command;
    }

    private static int Report(CliContext context, VerifyOptions options, VerifyOutcome run)
    {
        var result = run.Result;
        if (result.Failure is { } failure)
        {
            var error = new MynaLogException(failure.ReasonCode, failure.Detail) { Sequence = failure.Sequence };
            context.WriteJson(new
            {
                Result = "failed",
                failure.ReasonCode,
                failure.Sequence,
                Message = context.Text.Describe(error),
                failure.Detail,
            });
            throw error;
        }

        var head = run.Head;
        var withheld = result.Entries.Count(entry => entry.IsPlaceholder);
        context.WriteJson(new
        {
            Result = "verified",
            Gateway = options.Gateway.AbsoluteUri,
            head.ChainId,
            head.Sequence,
            head.HeadHash,
            SignedAt = Instants.Format(head.Signature.SignedAt),
            head.Signature.KeyId,
            CheckedFrom = result.StartedFrom!.Sequence + 1,
            EntriesChecked = result.Entries.Count,
            Withheld = withheld,
            Revealed = result.Entries.Count - withheld,
            CheckpointSequence = run.CheckpointSequence,
            RememberedSequence = run.Remembered?.Sequence,
            result.ExtendsRemembered,
            run.NewKeyIds,
            StateFile = options.State.Path,
        });
        return ExitCodes.Success;
    }
}
