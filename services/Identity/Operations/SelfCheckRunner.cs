using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using MynaPlatform.AccessLog.Grpc;
using MynaPlatform.Hosting;
using MynaPlatform.Notices.Grpc;

namespace MynaPlatform.Identity.Operations;

/// <summary>
/// Exercises the platform end to end: the notices service stores a probe and publishes an event
/// through its outbox, and the access-log service consumes it and stores a receipt.
/// </summary>
public sealed partial class SelfCheckRunner(
    SelfCheckProbes.SelfCheckProbesClient probes,
    SelfCheckReceipts.SelfCheckReceiptsClient receipts,
    TimeProvider clock,
    IOptions<SelfCheckOptions> options,
    ILogger<SelfCheckRunner> logger)
{
    private static readonly TimeSpan ReceiptPollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<SelfCheckReport> RunAsync(CancellationToken cancellationToken)
    {
        var probeId = Guid.NewGuid();
        var correlationId = CorrelationId.Current ?? CorrelationId.NewId();
        var steps = new List<SelfCheckStep>();

        var stored = await RunStepAsync("store-and-publish", ResourceNames.Notices, async () =>
        {
            await probes.RecordProbeAsync(
                new RecordProbeRequest { ProbeId = probeId.ToString(), CorrelationId = correlationId },
                cancellationToken: cancellationToken);
        });
        steps.Add(stored);

        if (stored.Succeeded)
        {
            steps.Add(await RunStepAsync("consume", ResourceNames.AccessLog, () => WaitForReceiptAsync(probeId, cancellationToken)));
        }

        var report = new SelfCheckReport(
            probeId, correlationId, Activity.Current?.TraceId.ToString() ?? "", steps.TrueForAll(step => step.Succeeded), steps);
        Log.Completed(logger, probeId, report.Succeeded);
        return report;
    }

    private async Task WaitForReceiptAsync(Guid probeId, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.Value.ReceiptTimeout;
        while (true)
        {
            try
            {
                await receipts.GetReceiptAsync(new GetReceiptRequest { ProbeId = probeId.ToString() }, cancellationToken: cancellationToken);
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound && clock.GetUtcNow() < deadline)
            {
                await Task.Delay(ReceiptPollInterval, clock, cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
            {
                throw new TimeoutException(
                    $"The receipt did not arrive within {options.Value.ReceiptTimeout.TotalSeconds:0} s.", exception);
            }
        }
    }

    private async Task<SelfCheckStep> RunStepAsync(string name, string service, Func<Task> step)
    {
        var started = clock.GetTimestamp();
        try
        {
            await step();
            return new SelfCheckStep(name, service, true, (long)clock.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception exception) when (exception is RpcException or TimeoutException or HttpRequestException)
        {
            Log.StepFailed(logger, exception, name, service);
            var error = exception is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : exception.Message;
            return new SelfCheckStep(name, service, false, (long)clock.GetElapsedTime(started).TotalMilliseconds, error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SelfCheckCompleted", Level = LogLevel.Information,
            Message = "Self-check with probe {ProbeId} completed; succeeded: {Succeeded}")]
        public static partial void Completed(ILogger logger, Guid probeId, bool succeeded);

        [LoggerMessage(EventId = 2, EventName = "SelfCheckStepFailed", Level = LogLevel.Warning,
            Message = "Self-check step {Step} against {Service} failed")]
        public static partial void StepFailed(ILogger logger, Exception exception, string step, string service);
    }
}
