using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MynaPlatform.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public const string TraceIdExtension = "traceId";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = AddTraceId);
        services.AddExceptionHandler<PlatformExceptionHandler>();

        // A body that cannot be bound throws, so the handler can name the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => JsonBodyProblem.ReadStrictly(options.SerializerOptions));
        return services;
    }

    private static void AddTraceId(ProblemDetailsContext context)
    {
        // The bare trace id, as the gateway returns it in X-Trace-Id, rather than the whole traceparent.
        var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Extensions[TraceIdExtension] = traceId;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;

        StatusProblemText.Describe(context.ProblemDetails);
    }
}
