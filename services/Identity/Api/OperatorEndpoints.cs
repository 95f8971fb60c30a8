using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Identity.Operations;

namespace MynaPlatform.Identity.Api;

public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var operators = routes.MapGroup($"/api/{IdentityServiceExtensions.RoutePrefix}/operator").WithTags("Operator");

        // TODO: require an operator token once the identity service issues tokens.
        operators.MapPost("/self-check", RunSelfCheckAsync)
            .WithName("RunSelfCheck")
            .WithSummary("Exercises gateway, gRPC, storage, outbox, broker and a consumer end to end.");

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
}
