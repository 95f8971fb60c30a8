using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Api;

/// <summary>
/// The person's own details. The nickname changes freely, but the e-mail address changes only
/// after a step-up with the card in the same session.
/// </summary>
public static class AccountDetailsEndpoints
{
    public static IEndpointRouteBuilder MapAccountDetailsEndpoints(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup($"/api/{IdentityServiceExtensions.RoutePrefix}/account")
            .WithTags("Account")
            .RequirePerson(PlatformScopes.Account);

        account.MapGet("/", GetAsync)
            .WithName("GetOwnAccountDetails")
            .WithSummary("Returns the person's nickname and e-mail address.");

        account.MapPatch("/", ChangeNicknameAsync)
            .WithName("ChangeOwnNickname")
            .WithSummary("Changes the person's nickname (1 to 30 characters after NFC normalization), or removes it when given an empty string.");

        account.MapPut("/email", ChangeEmailAsync)
            .WithName("ChangeOwnEmail")
            .WithSummary("Changes the person's e-mail address; needs a satisfied step-up in the same session, which it consumes.");

        return routes;
    }

    private static async Task<Ok<AccountDetails>> GetAsync(ClaimsPrincipal user, AccountDetailsStore details, CancellationToken cancellationToken) =>
        TypedResults.Ok(await details.GetAsync(user.PersonId()!, cancellationToken));

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> ChangeNicknameAsync(
        NicknameChange change, ClaimsPrincipal user, AccountDetailsStore details, CancellationToken cancellationToken)
    {
        // An empty or blank string removes the nickname. A missing or null member is more likely a client's mistake.
        var removes = change.Nickname is not null && string.IsNullOrWhiteSpace(change.Nickname);
        var nickname = AccountDetailsRules.NormalizeNickname(change.Nickname);
        if (nickname is null && !removes)
        {
            return Problem(StatusCodes.Status400BadRequest, JpkiReasonCodes.RequestInvalid, "nickname が正しくありません。",
                $"nickname: 改行や文字の向きを変える記号などの制御文字を含まない 1〜{AccountDetailsRules.NicknameMaxLength} 文字のニックネームを指定してください。"
                + "ニックネームを消すときは空の文字列 (\"\") を指定します。");
        }

        await details.SetNicknameAsync(user.PersonId()!, nickname, cancellationToken);
        return TypedResults.Ok(await details.GetAsync(user.PersonId()!, cancellationToken));
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> ChangeEmailAsync(
        EmailChange change, ClaimsPrincipal user, AccountDetailsStore details, CancellationToken cancellationToken)
    {
        if (AccountDetailsRules.NormalizeEmail(change.Email) is not { } email)
        {
            return Problem(StatusCodes.Status400BadRequest, JpkiReasonCodes.RequestInvalid, "email が正しくありません。",
                $"email: user@example.jp の形式で、{AccountDetailsRules.EmailMaxLength} 文字以内のメールアドレスを指定してください。");
        }

        var personId = user.PersonId()!;
        var sessionId = user.FindFirstValue(PlatformClaims.SessionId) ?? "";
        if (!await details.SetEmailAsync(personId, sessionId, email, cancellationToken))
        {
            return Problem(StatusCodes.Status403Forbidden, StepUpRoutes.Required, "カードによる再認証が必要です。",
                "メールアドレスの変更には、このセッションでの再認証が必要です。POST /api/identity/account/step-up でコードを取得し、"
                + "myna-card step-up --code でカードを使って承認してから、もう一度変更してください。");
        }

        return TypedResults.Ok(await details.GetAsync(personId, cancellationToken));
    }

    internal static ProblemHttpResult Problem(int status, string reasonCode, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [JpkiReasonCodes.ProblemExtension] = reasonCode });

    public sealed record NicknameChange(string? Nickname);

    public sealed record EmailChange(string? Email);
}
