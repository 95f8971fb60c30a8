using System.Globalization;
using MynaPlatform.Hosting;
using MynaPlatform.AccessLog.Domain.Verification;

namespace MynaPlatform.MynaLog.Cli;

/// <summary>
/// User-facing text in Japanese or English. Japanese is the default; English is used when the
/// locale (LC_ALL, else LC_MESSAGES, else LANG) names a language other than Japanese.
/// </summary>
public sealed class CliText(bool isJapanese)
{
    public bool IsJapanese { get; } = isJapanese;

    public CultureInfo Culture => CultureInfo.GetCultureInfo(IsJapanese ? "ja-JP" : "en-US");

    public static CliText For(CliEnvironment environment) => new(ConsoleLanguage.IsJapanese(environment.GetVariable));

    public string Pick(string japanese, string english) => IsJapanese ? japanese : english;

    public string Describe(MynaLogException failure)
    {
        var subject = failure.Subject;
        var entry = failure.Sequence is { } sequence ? Pick($"記録 #{sequence}", $"Entry #{sequence}") : Pick("記録", "An entry");

        return failure.ReasonCode switch
        {
            MynaLogReasonCodes.UsageInvalid => Pick($"{subject} --help で使い方を確認してください。", $"{subject} See --help for usage."),
            MynaLogReasonCodes.TokenMissing => Pick(
                $"アクセストークンがありません。--token または環境変数 {VerifyCommand.TokenVariable} で指定してください（myna-card login で取得できます）。",
                $"No access token. Give it with --token or in the environment variable {VerifyCommand.TokenVariable} (myna-card login prints one)."),
            MynaLogReasonCodes.TokenRejected => Pick(
                $"アクセストークンが拒否されました（HTTP {subject}）。myna-card login でログインし直してください。",
                $"The access token was rejected (HTTP {subject}). Log in again with myna-card login."),
            MynaLogReasonCodes.EndpointNotConfigured when subject is not null => Pick(
                $"{subject} は http または https の URL ではありません。正しい URL を指定してください。",
                $"{subject} is not an http or https URL. Give a valid URL."),
            MynaLogReasonCodes.EndpointNotConfigured => Pick(
                $"ゲートウェイの URL がありません。--gateway、環境変数 {GatewayResolver.GatewayVariable}、または {GatewayResolver.PlatformEnvPath} で指定してください。",
                $"No gateway URL. Give it with --gateway, in the environment variable {GatewayResolver.GatewayVariable}, or in {GatewayResolver.PlatformEnvPath}."),
            MynaLogReasonCodes.EndpointUnreachable => Pick(
                $"{subject} に接続できないか、応答がありません。プラットフォームが起動しているか、URL が正しいかを確認してください。",
                $"Cannot connect to {subject}, or it did not respond in time. Check that the platform runs and that the URL is right."),
            MynaLogReasonCodes.ApiNotFound => Pick(
                $"{subject} が見つかりません。ゲートウェイの URL と、やりとり履歴の API が提供されているかを確認してください。",
                $"{subject} was not found. Check the gateway URL and that the platform serves the access-log API."),
            MynaLogReasonCodes.ServerError => Pick($"サーバーがエラーを返しました（{subject}）。時間をおいて再実行してください。",
                $"The server returned an error ({subject}). Try again later."),
            MynaLogReasonCodes.ResponseInvalid => Pick($"サーバーの応答の形式が正しくありません: {subject}",
                $"The server's response is invalid: {subject}"),
            MynaLogReasonCodes.StateFileInvalid => Pick(
                $"状態ファイル {subject} を読み取れません。壊れている場合は削除するか、--state で別のファイルを指定してください。",
                $"State file {subject} cannot be read. Delete it if it is damaged, or give another file with --state."),
            MynaLogReasonCodes.StateFileWriteFailed => Pick(
                $"状態ファイル {subject} に書き込めません。フォルダーの権限と空き容量を確認してください。",
                $"State file {subject} cannot be written. Check the folder's permissions and free space."),
            MynaLogReasonCodes.KeysFileNotFound => Pick($"鍵ファイル {subject} が見つかりません。--keys のパスを確認してください。",
                $"Key file {subject} was not found. Check the path given to --keys."),
            MynaLogReasonCodes.KeysFileInvalid => Pick($"鍵ファイル {subject} は JWKS 形式の P-256 公開鍵ではありません。",
                $"Key file {subject} is not a JWKS document of P-256 public keys."),
            MynaLogReasonCodes.SigningKeyChanged => Pick(
                $"鍵 ID {subject} の公開鍵が、以前に記憶したものと違います。署名鍵がすり替えられた可能性があります。",
                $"The public key with key id {subject} differs from the one remembered earlier. The signing key may have been replaced."),
            _ => DescribeChain(failure.ReasonCode, entry, subject),
        };
    }

    private string DescribeChain(string reasonCode, string entry, string? detail) => reasonCode switch
    {
        ChainReasonCodes.EntryMissing => Pick($"{entry} がありません。記録が削除されています。", $"{entry} is missing. A record was removed."),
        ChainReasonCodes.EntryOutOfOrder => Pick($"{entry} の位置が違います。記録の順序が入れ替えられています。", $"{entry} is out of place. Records were reordered."),
        ChainReasonCodes.EntryDuplicated => Pick($"{entry} が重複しています。記録が挿入されています。", $"{entry} appears twice. A record was inserted."),
        ChainReasonCodes.EntryUnexpected => Pick($"{entry} は署名された先頭より後にあります。", $"{entry} comes after the signed head."),
        ChainReasonCodes.EntryTimeOutOfOrder => Pick($"{entry} の記録時刻が前の記録より前です。", $"{entry} is recorded before the entry it follows."),
        ChainReasonCodes.EntryHashMismatch => Pick($"{entry} のハッシュが前の記録とつながりません。記録が改ざん、挿入または削除されています。",
            $"{entry} does not link to the entry before it. A record was altered, inserted or removed."),
        ChainReasonCodes.EntrySignatureInvalid => Pick($"{entry} の署名が正しくありません。記録が改ざんされています。",
            $"The signature of {entry} does not verify. The record was altered."),
        ChainReasonCodes.ContentMismatch => Pick($"{entry} の内容がコミットメント（ハッシュ）と一致しません。内容が改ざんされています。",
            $"The content of {entry} does not match its commitment. The content was altered."),
        ChainReasonCodes.ContentInvalid => Pick($"{entry} の内容の形式が正しくありません。", $"The content of {entry} is invalid."),
        ChainReasonCodes.HeadHashMismatch => Pick("記録の連鎖が、署名された先頭のハッシュに一致しません。", "The entries do not lead to the signed head's hash."),
        ChainReasonCodes.HeadSignatureInvalid => Pick("先頭の署名が正しくありません。", "The signature of the head does not verify."),
        ChainReasonCodes.SigningKeyUnknown => Pick("信頼する公開鍵にない鍵で署名されています。", "It is signed with a key that is not among the trusted keys."),
        ChainReasonCodes.CheckpointInvalid => Pick("保存期間のチェックポイントがこの連鎖のものではありません。", "The retention checkpoint does not belong to this chain."),
        ChainReasonCodes.CheckpointSignatureInvalid => Pick("保存期間のチェックポイントの署名が正しくありません。", "The signature of the retention checkpoint does not verify."),
        ChainReasonCodes.ChainIdChanged => Pick("前回と別の連鎖が返されました。別の人のトークンなら --state で別の状態ファイルを指定してください。",
            "A different chain than last time was returned. For another person's token, give another state file with --state."),
        ChainReasonCodes.HistoryTruncated => Pick($"前回確認した記録のうち {entry} 以降がなくなっています（切り詰め）。",
            $"Records verified last time are gone from {entry} on (truncation)."),
        ChainReasonCodes.HistoryRewritten => Pick($"前回確認した先頭（{entry}）が書き換えられています。",
            $"The head verified last time ({entry}) was rewritten."),
        ChainReasonCodes.HistoryForked => Pick($"新しい先頭は前回確認した {entry} を含みません。履歴が分岐しています。",
            $"The new head does not include {entry} as verified last time. The history forked."),
        ChainReasonCodes.RememberedHeadPruned => Pick(
            $"前回確認した {entry} は保存期間の経過で削除され、連続性を確かめられません。--reset で最初から確認できます。",
            $"{entry}, verified last time, was removed by retention, so continuity cannot be checked. Use --reset to start over."),
        _ => detail ?? reasonCode,
    };
}
