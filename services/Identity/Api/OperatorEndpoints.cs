using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Authentication;
using MynaPlatform.Identity.Operations;
using MynaPlatform.Identity.Tokens;

namespace MynaPlatform.Identity.Api;

public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var operators = routes.MapGroup($"/api/{IdentityServiceExtensions.RoutePrefix}/operator")
            .WithTags("Operator")
            .RequireClient(PlatformScopes.Operator);

        operators.MapPost("/self-check", RunSelfCheckAsync)
            .WithName("RunSelfCheck")
            .WithSummary("Exercises gateway, gRPC, storage, outbox, broker and a consumer end to end.");

        operators.MapPost("/signing-keys/rotate", RotateSigningKey)
            .WithName("RotateSigningKey")
            .WithSummary("Publishes a new token signing key, which starts signing after one JWKS refresh interval.");

        return routes;
    }

    private static async Task<Results<Ok<SelfCheckReport>, ProblemHttpResult>> RunSelfCheckAsync(
        SelfCheckRunner runner, CancellationToken cancellationToken)
    {
        var report = await runner.RunAsync(cancellationToken);
        if (report.Succeeded)
        {
            return TypedResults.Ok(report);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "自己診断に失敗しました。",
            detail: "失敗した手順と対象サービスを steps で確認し、ダッシュボードで該当サービスのログを確認してください。",
            extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    private static Ok<SigningKeyRotation> RotateSigningKey(SigningKeyRing ring)
    {
        var created = ring.Rotate();
        return TypedResults.Ok(new SigningKeyRotation(created.KeyId, created.ActivatesAt, ring.Active.KeyId));
    }

    /// <param name="KeyId">The new key's <c>kid</c>, already published in the JWKS.</param>
    /// <param name="ActivatesAt">When the new key starts signing.</param>
    /// <param name="ActiveKeyId">The key that signs until then.</param>
    public sealed record SigningKeyRotation(string KeyId, DateTimeOffset ActivatesAt, string ActiveKeyId);
}
