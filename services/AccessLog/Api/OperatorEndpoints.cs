using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Records;
using MynaPlatform.AccessLog.Signing;
using MynaPlatform.Authentication;

namespace MynaPlatform.AccessLog.Api;

/// <summary>Operators see totals, never a record or a person, and run retention and key rotation.</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var operators = routes.MapGroup($"/api/{AccessLogServiceExtensions.RoutePrefix}/operator")
            .WithTags("Operator")
            .RequireClient(PlatformScopes.AccessLogOperator);

        operators.MapGet("/counts", CountAsync)
            .WithName("CountRecords")
            .WithSummary("Returns how many chains, entries, withheld entries and checkpoints exist; no contents.");

        operators.MapPost("/retention/run", RunRetentionAsync)
            .WithName("RunRetention")
            .WithSummary("Removes entries older than the retention period now and leaves a signed checkpoint in each chain.");

        operators.MapPost("/signing-keys/rotate", RotateKeyAsync)
            .WithName("RotateChainSigningKey")
            .WithSummary("Makes a new chain signing key that signs from now on; older keys stay published.");

        return routes;
    }

    private static async Task<IResult> CountAsync(IAccessLogRepository repository, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await repository.CountAsync(JapanTime.Today(clock), cancellationToken));

    private static async Task<IResult> RunRetentionAsync(RetentionJob retention, CancellationToken cancellationToken) =>
        TypedResults.Ok(await retention.RunAsync(cancellationToken));

    private static async Task<IResult> RotateKeyAsync(SigningKeyRing keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new KeyRotation(await keys.RotateAsync(cancellationToken)));

    public sealed record KeyRotation(string KeyId);
}
