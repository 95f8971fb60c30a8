using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Xunit;

namespace MynaPlatform.ServiceDefaults.Tests;

/// <summary>
/// The AppHost's trace sample ratio reaches the services as OpenTelemetry's sampler variables, so a
/// service built with the platform's defaults must honour them. Each test listens to a source of its
/// own, and the class runs alone, because a listener of another test (such as TraceQueryTests' one
/// for every source) would take part in the sampling decision.
/// </summary>
[Collection(nameof(SamplingDecisionCollection))]
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task SamplerVariables_RatioZero_RecordNoNewTrace()
    {
        var recorded = await StartRootSpanAsync(new Dictionary<string, string?>
        {
            ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
            ["OTEL_TRACES_SAMPLER_ARG"] = "0",
        });

        Assert.False(recorded);
    }

    [Fact]
    public async Task SamplerVariables_Unset_RecordEveryTrace()
    {
        var recorded = await StartRootSpanAsync(new Dictionary<string, string?>());

        Assert.True(recorded);
    }

    /// <summary>Starts a service with the settings and returns whether its tracer provider records a new root span.</summary>
    private static async Task<bool> StartRootSpanAsync(Dictionary<string, string?> settings)
    {
        var sourceName = $"{nameof(TraceSamplingTests)}.{Guid.NewGuid():N}";
        await using var service = await TestService.StartAsync(
            _ => { },
            settings,
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(sourceName)));
        using var source = new ActivitySource(sourceName);

        Activity.Current = null;
        using var span = source.StartActivity("probe", ActivityKind.Server);

        Assert.NotNull(span);
        return span.Recorded;
    }
}

/// <summary>Test classes that run with no other test at the same time, so no foreign activity listener is active.</summary>
[CollectionDefinition(nameof(SamplingDecisionCollection), DisableParallelization = true)]
public sealed class SamplingDecisionCollection;
