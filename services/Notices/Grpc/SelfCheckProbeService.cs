using Grpc.Core;
using MynaPlatform.Notices.Operations;

namespace MynaPlatform.Notices.Grpc;

public sealed partial class SelfCheckProbeService(
    ISelfCheckProbeRepository probes,
    TimeProvider clock,
    ILogger<SelfCheckProbeService> logger) : SelfCheckProbes.SelfCheckProbesBase
{
    public override async Task<RecordProbeResponse> RecordProbe(RecordProbeRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ProbeId, out var probeId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "probe_id must be a GUID."));
        }

        var probe = new SelfCheckProbe(probeId, request.CorrelationId, clock.GetUtcNow());
        if (!await probes.RecordAsync(probe, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Probe {probeId} was recorded before."));
        }

        Log.ProbeRecorded(logger, probeId);
        return new RecordProbeResponse { ProbeId = probeId.ToString(), RecordedAt = probe.RecordedAt.ToString("O") };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SelfCheckProbeRecorded", Level = LogLevel.Information,
            Message = "Recorded self-check probe {ProbeId}")]
        public static partial void ProbeRecorded(ILogger logger, Guid probeId);
    }
}
