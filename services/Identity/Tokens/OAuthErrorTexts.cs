using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Replaces the English <c>error_description</c> of the errors that OpenIddict itself returns with
/// Japanese text, as the platform's other API errors are. The <c>error</c> code and the
/// <c>error_uri</c> stay, so clients and the OpenIddict documentation still match them, and so does
/// the English text in the <c>WWW-Authenticate</c> header of a 401.
/// </summary>
/// <remarks>
/// OpenIddict names each of its errors in <c>error_uri</c> (<c>…/errors/ID2029</c>), and its English
/// text quotes the parameter or value concerned (<c>The mandatory 'grant_type' parameter is
/// missing.</c>). The Japanese text is chosen by that identifier and gets the quoted values in the
/// same order. OpenIddict also gives the platform's own rejections an identifier (ID2024), so a
/// description that is not plain ASCII, which OpenIddict's English texts are, is the platform's
/// own Japanese and is kept.
/// </remarks>
public static partial class OAuthErrorTexts
{
    private const string OpenIddictErrorPrefix = "https://documentation.openiddict.com/errors/";

    /// <summary>The <c>error_uri</c> that OpenIddict gives the platform's own rejections, for a rejection made before it would.</summary>
    public const string PlatformRejectionUri = OpenIddictErrorPrefix + "ID2024";

    /// <summary>Japanese texts by OpenIddict error identifier; <c>{0}</c> and <c>{1}</c> are the quoted values of the English text.</summary>
    private static readonly FrozenDictionary<string, CompositeFormat> ById = new Dictionary<string, string>
    {
        ["ID2000"] = "トークンが指定されていません。",
        ["ID2001"] = "認可コードが無効です。",
        ["ID2002"] = "デバイスコードが無効です。最初からログインし直してください。",
        ["ID2003"] = "リフレッシュトークンが無効です。ログインし直してください。",
        ["ID2004"] = "トークンが無効です。",
        ["ID2006"] = "指定されたトークンはデバイスコードではありません。device_code にはデバイス認可で受け取った値を指定してください。",
        ["ID2007"] = "指定されたトークンはリフレッシュトークンではありません。refresh_token にはトークン発行時に受け取った値を指定してください。",
        ["ID2011"] = "このデバイスコードは使用済みです。最初からログインし直してください。",
        ["ID2012"] = "このリフレッシュトークンは使用済みです。最後に受け取ったリフレッシュトークンを使うか、ログインし直してください。",
        ["ID2014"] = "まだ承認されていません。カードでの承認が終わるまで、interval 秒ごとに問い合わせてください。",
        ["ID2015"] = "ログインは拒否されました。最初からログインし直してください。",
        ["ID2017"] = "デバイスコードの有効期限が切れたか、無効になりました。最初からログインし直してください。",
        ["ID2018"] = "リフレッシュトークンの有効期限が切れたか、無効になりました。ログインし直してください。",
        ["ID2019"] = "トークンの有効期限が切れたか、無効になりました。",
        ["ID2021"] = "このデバイスコードの認可は無効になりました。最初からログインし直してください。",
        ["ID2022"] = "このリフレッシュトークンの認可は無効になりました。ログインし直してください。",
        ["ID2024"] = "トークンの要求は拒否されました。",
        ["ID2026"] = "ログイン用コード (user_code) の有効期限が切れたか、無効になりました。ポータルで新しいコードを表示してやり直してください。",
        ["ID2027"] = "このクライアントはデバイス認可フローを使えません。",
        ["ID2028"] = "パラメーター '{0}' には対応していません。このパラメーターを外して送り直してください。",
        ["ID2029"] = "必須のパラメーター '{0}' がありません。'{0}' を指定してください。",
        ["ID2030"] = "パラメーター '{0}' には絶対 URI を指定してください。",
        ["ID2032"] = "指定された '{0}' には対応していません。",
        ["ID2033"] = "'{0}' と '{1}' の組み合わせが正しくありません。",
        ["ID2034"] = "必須のスコープ '{0}' がありません。",
        ["ID2035"] = "スコープ '{0}' は使えません。",
        ["ID2037"] = "パラメーター '{0}' は '{1}' と一緒に指定してください。",
        ["ID2043"] = "指定された '{0}' はこのクライアントでは使えません。",
        ["ID2051"] = "このクライアントは指定されたスコープを使えません。",
        ["ID2052"] = "指定された '{0}' が正しくありません。'{0}' には登録済みの値を指定してください。",
        ["ID2053"] = "パラメーター '{0}' はこのクライアントでは使えません。",
        ["ID2054"] = "このクライアントに必要なパラメーター '{0}' がありません。",
        ["ID2055"] = "クライアントの認証情報 (client_id と client_secret) が正しくありません。登録された値を指定してください。",
        ["ID2056"] = "このクライアントはデバイス認可エンドポイントを使えません。",
        ["ID2057"] = "client credentials グラントでは '{0}' または '{1}' を指定してください。",
        ["ID2058"] = "device_code グラントではパラメーター '{0}' を指定してください。",
        ["ID2059"] = "必須のパラメーター '{0}' と '{1}' の一方または両方がありません。",
        ["ID2063"] = "このクライアントはトークンエンドポイントを使えません。",
        ["ID2064"] = "このクライアントは指定された grant_type を使えません。このクライアントに登録されたグラントで要求してください。",
        ["ID2065"] = "このクライアントはスコープ '{0}' を使えません。登録されたスコープだけを指定してください。",
        ["ID2067"] = "デバイスコードを使うには client_id を指定してください。",
        ["ID2068"] = "リフレッシュトークンを使うには client_id を指定してください。",
        ["ID2070"] = "このデバイスコードは別のクライアントに発行されたものです。",
        ["ID2071"] = "このリフレッシュトークンは別のクライアントに発行されたものです。",
        ["ID2074"] = "パラメーター '{0}' はここでは使えません。",
        ["ID2081"] = "必須のヘッダー '{0}' がありません。'{0}' を付けて送り直してください。",
        ["ID2082"] = "ヘッダー '{0}' が正しくありません。トークンとデバイス認可のエンドポイントには Content-Type: application/x-www-form-urlencoded で送ってください。",
        ["ID2083"] = "このサーバーは HTTPS の要求だけを受け付けます。",
        ["ID2084"] = "この HTTP メソッドは使えません。",
        ["ID2087"] = "クライアントの認証情報が複数の方法で指定されています。一つの方法だけで指定してください。",
        ["ID2088"] = "トークンの発行者が正しくありません。",
        ["ID2089"] = "トークンの種類が正しくありません。",
        ["ID2090"] = "トークンの署名鍵が見つかりません。ログインし直してください。",
        ["ID2091"] = "トークンの署名が正しくありません。",
        ["ID2107"] = "パラメーター '{0}' の形式または型が正しくありません。",
        ["ID2174"] = "クライアント認証の方式 '{0}' には対応していません。",
        ["ID2190"] = "指定された '{0}' のいずれかが正しくありません。",
        ["ID2198"] = "このクライアントにはクライアント認証が必要です。登録時に受け取った client_secret を指定してください。",
    }.ToFrozenDictionary(pair => pair.Key, pair => CompositeFormat.Parse(pair.Value));

    /// <summary>Japanese texts by OAuth error code, for an OpenIddict error without its own text above.</summary>
    private static readonly FrozenDictionary<string, string> ByError = new Dictionary<string, string>
    {
        [Errors.InvalidRequest] = "リクエストの形式が正しくありません。パラメーターを確認してください。",
        [Errors.InvalidClient] = "クライアントを認証できません。client_id と認証情報を確認してください。",
        [Errors.InvalidGrant] = "グラントが無効です。ログインし直してください。",
        [Errors.InvalidToken] = "トークンが無効です。",
        [Errors.UnauthorizedClient] = "このクライアントはこの要求を使えません。",
        [Errors.UnsupportedGrantType] = "この grant_type には対応していません。",
        [Errors.InvalidScope] = "スコープが正しくありません。",
        [Errors.AccessDenied] = "アクセスは拒否されました。",
        [Errors.AuthorizationPending] = "まだ承認されていません。しばらくしてから問い合わせてください。",
        [Errors.SlowDown] = "問い合わせの間隔が短すぎます。interval 秒以上あけてください。",
        [Errors.ExpiredToken] = "有効期限が切れました。最初からやり直してください。",
        [Errors.ServerError] = "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
        [Errors.TemporarilyUnavailable] = "一時的に利用できません。時間をおいて再度お試しください。",
    }.ToFrozenDictionary();

    public static OpenIddictServerBuilder UseJapaneseErrorTexts(this OpenIddictServerBuilder server) =>
        server
            .AddEventHandler(Translate<ApplyTokenResponseContext>.Descriptor)
            .AddEventHandler(Translate<ApplyDeviceAuthorizationResponseContext>.Descriptor)
            .AddEventHandler(Translate<ApplyEndUserVerificationResponseContext>.Descriptor)
            .AddEventHandler(Translate<ApplyConfigurationResponseContext>.Descriptor)
            .AddEventHandler(Translate<ApplyJsonWebKeySetResponseContext>.Descriptor);

    /// <summary>Returns the Japanese text for an OpenIddict error, or null for an error that is not OpenIddict's own.</summary>
    public static string? Describe(string? error, string? description, string? errorUri)
    {
        if (error is null || errorUri is null || !errorUri.StartsWith(OpenIddictErrorPrefix, StringComparison.Ordinal)
            || (description is not null && !Ascii.IsValid(description)))
        {
            return null;
        }

        if (ById.TryGetValue(errorUri[OpenIddictErrorPrefix.Length..], out var format))
        {
            var quoted = QuotedValue().Matches(description ?? "").Select(match => (object?)match.Groups[1].Value).ToArray();
            if (quoted.Length >= format.MinimumArgumentCount)
            {
                return string.Format(CultureInfo.InvariantCulture, format, quoted);
            }
        }

        return ByError.GetValueOrDefault(error, "要求を処理できませんでした。error と error_uri を確認してください。");
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedValue();

    public sealed class Translate<TContext> : IOpenIddictServerHandler<TContext>
        where TContext : BaseRequestContext
    {
        // After the WWW-Authenticate header of a 401 has taken OpenIddict's text, because a header
        // value must be ASCII, and before the JSON body is written.
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
                .UseSingletonHandler<Translate<TContext>>()
                .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<TContext>.Descriptor.Order + 1_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(TContext context)
        {
            var response = context.Transaction.Response;
            if (response is not null && Describe(response.Error, response.ErrorDescription, response.ErrorUri) is { } text)
            {
                response.ErrorDescription = text;
            }

            return default;
        }
    }
}
