using System.Globalization;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Cli;

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

    public string Describe(CardException failure)
    {
        var subject = failure.Subject;
        var key = failure.Key == CardKey.Login
            ? Pick("利用者証明用暗証番号", "login PIN")
            : Pick("署名用パスワード", "signature password");

        return failure.ReasonCode switch
        {
            JpkiReasonCodes.PinFormatInvalid when failure.Key == CardKey.Login =>
                Pick("利用者証明用暗証番号は数字 4 桁で指定してください。", "The login PIN must be 4 digits."),
            JpkiReasonCodes.PinFormatInvalid =>
                Pick("署名用パスワードは英大文字と数字の 6〜16 文字で指定してください。", "The signature password must be 6 to 16 upper-case letters and digits."),
            JpkiReasonCodes.PinIncorrect =>
                Pick($"{key}が違います。あと {failure.RemainingAttempts} 回間違えるとロックされます。",
                    $"The {key} is incorrect. {failure.RemainingAttempts} more wrong entries lock it."),
            JpkiReasonCodes.PinLocked =>
                Pick($"{key}はロックされています。解除には市区町村の窓口での手続きが必要です。",
                    $"The {key} is locked. Unlocking it needs a visit to the municipal counter."),
            JpkiReasonCodes.CardFileNotFound =>
                Pick($"カードファイル {subject} が見つかりません。パスを確認してください。", $"Card file {subject} was not found. Check the path."),
            JpkiReasonCodes.CardFileInvalid =>
                Pick($"カードファイル {subject} を読み取れません。myna-card issue で作成したファイルを指定してください。",
                    $"Card file {subject} cannot be read. Give a file made by myna-card issue."),
            JpkiReasonCodes.CardFileExists =>
                Pick($"{subject} は既にあります。上書きはしません。別のパスを --out に指定してください。",
                    $"{subject} already exists and is not overwritten. Give another path to --out."),
            JpkiReasonCodes.CardFileWriteFailed =>
                Pick($"カードファイル {subject} に書き込めません。フォルダーの権限と空き容量を確認してください。",
                    $"Card file {subject} cannot be written. Check the folder's permissions and free space."),
            JpkiReasonCodes.EndpointNotConfigured when subject?.Contains('=') == true =>
                Pick($"{subject} は http または https の URL ではありません。正しい URL を指定してください。",
                    $"{subject} is not an http or https URL. Give a valid URL."),
            JpkiReasonCodes.EndpointNotConfigured =>
                Pick($"接続先がありません。オプション、環境変数 {subject}、または {EndpointResolver.PlatformEnvPath} で URL を指定してください。",
                    $"No server address. Give the URL as an option, in the environment variable {subject}, or in {EndpointResolver.PlatformEnvPath}."),
            JpkiReasonCodes.ApiNotFound =>
                Pick($"{subject} が見つかりません。接続先の URL (--gateway または --simulator) が正しいかを確認してください。",
                    $"{subject} was not found. Check the server URL (--gateway or --simulator)."),
            JpkiReasonCodes.EndpointUnreachable =>
                Pick($"{subject} に接続できません。サーバーが起動しているか、URL が正しいかを確認してください。",
                    $"Cannot connect to {subject}. Check that the server runs and that the URL is right."),
            JpkiReasonCodes.InputFileNotFound =>
                Pick($"入力ファイル {subject} が見つかりません。--in のパスを確認してください。", $"Input file {subject} was not found. Check the path given to --in."),
            JpkiReasonCodes.UsageInvalid =>
                Pick($"{subject} --help で使い方を確認してください。", $"{subject} See --help for usage."),
            // The simulator issues its cards from a CA of its data folder, so a reset leaves older cards untrusted.
            JpkiReasonCodes.CertificateUntrusted =>
                $"{subject} " + Pick("プラットフォームのデータフォルダーを初期化した後なら、myna-card issue でカードを発行し直してください。",
                    "If the platform's data folder was reset, issue a new card with myna-card issue."),
            _ => subject ?? failure.ReasonCode,
        };
    }
}
