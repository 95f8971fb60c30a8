using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Api;

/// <summary>
/// Lost-card reports from the card holder (no token, as at the hotline), from an operator, and
/// from J-LIS itself (its hotline and counter), which authenticates with the verifier key.
/// </summary>
public static class LostCardEndpoints
{
    public static IEndpointRouteBuilder MapLostCardEndpoints(this IEndpointRouteBuilder routes)
    {
        var cards = routes.MapGroup("").WithTags("Lost card");

        cards.MapPost(LoginRoutes.LostCardReports, ReportByHolderAsync)
            .AllowAnonymous()
            .WithName("ReportLostCard")
            .WithSummary("Puts the card of a login certificate on hold and ends its holder's sessions.");

        cards.MapPost(LoginRoutes.OperatorLostCardReports, ReportByOperatorAsync)
            .RequireClient(PlatformScopes.Operator)
            .WithName("ReportLostCardByOperator")
            .WithSummary("Puts a card on hold for an operator who took a report.");

        cards.MapPost(LoginRoutes.JpkiHolds, AcceptJpkiHoldAsync).ExcludeFromDescription();
        cards.MapPost(LoginRoutes.JpkiHoldLifts, AcceptJpkiLiftAsync).ExcludeFromDescription();
        return routes;
    }

    private static Task<IResult> ReportByHolderAsync(
        LostCardReportRequest request, LostCardReports reports, CancellationToken cancellationToken) =>
        HandleAsync(async () => ToResponse(await reports.ReportAsync(request.LoginCertificate, LostCardReports.SourceHolder, cancellationToken)));

    private static Task<IResult> ReportByOperatorAsync(
        LostCardReportRequest request, LostCardReports reports, CancellationToken cancellationToken) =>
        HandleAsync(async () => ToResponse(await reports.ReportAsync(request.LoginCertificate, LostCardReports.SourceOperator, cancellationToken)));

    private static Task<IResult> AcceptJpkiHoldAsync(
        CardHoldNotice notice, HttpRequest http, IOptions<JpkiOptions> options, LostCardReports reports, CancellationToken cancellationToken) =>
        IsJpki(http, options.Value)
            ? HandleAsync(async () => ToResponse(await reports.AcceptFromJpkiAsync(notice, cancellationToken)))
            : Task.FromResult(VerifierUnauthorized());

    private static Task<IResult> AcceptJpkiLiftAsync(
        CardHoldNotice notice, HttpRequest http, IOptions<JpkiOptions> options, LostCardReports reports, CancellationToken cancellationToken) =>
        IsJpki(http, options.Value)
            ? HandleAsync(async () =>
            {
                await reports.LiftAsync(notice.LoginSerialNumber, cancellationToken);
                return TypedResults.NoContent();
            })
            : Task.FromResult(VerifierUnauthorized());

    private static async Task<IResult> HandleAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (JpkiRejectedException rejection)
        {
            return TypedResults.Problem(statusCode: rejection.Status, title: rejection.Title, detail: rejection.Detail,
                extensions: new Dictionary<string, object?> { [JpkiReasonCodes.ProblemExtension] = rejection.ReasonCode });
        }
    }

    private static IResult ToResponse(CardHold hold) =>
        TypedResults.Ok(new LostCardReportResponse(hold.HoldId, hold.PlacedAt, hold.AlreadyHeld));

    /// <summary>J-LIS presents the same verifier key that identity presents to it, compared in constant time.</summary>
    private static bool IsJpki(HttpRequest http, JpkiOptions options)
    {
        var header = http.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(options.VerifierKey) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.VerifierKey)));
    }

    private static IResult VerifierUnauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "J-LIS の認証に失敗しました。",
            detail: "Authorization ヘッダーに J-LIS と共有する照会者鍵を \"Bearer <鍵>\" で指定してください。",
            extensions: new Dictionary<string, object?> { [JpkiReasonCodes.ProblemExtension] = JpkiReasonCodes.VerifierUnauthorized });
}
