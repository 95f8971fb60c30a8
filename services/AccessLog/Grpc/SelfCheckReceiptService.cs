using Grpc.Core;
using MynaPlatform.AccessLog.Operations;

namespace MynaPlatform.AccessLog.Grpc;

public sealed class SelfCheckReceiptService(ISelfCheckReceiptRepository receipts) : SelfCheckReceipts.SelfCheckReceiptsBase
{
    public override async Task<GetReceiptResponse> GetReceipt(GetReceiptRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ProbeId, out var probeId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "probe_id must be a GUID."));
        }

        var receipt = await receipts.FindAsync(probeId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No receipt for probe {probeId} yet."));

        return new GetReceiptResponse
        {
            ProbeId = receipt.ProbeId.ToString(),
            CorrelationId = receipt.CorrelationId,
            TraceId = receipt.TraceId,
            ReceivedAt = receipt.ReceivedAt.ToString("O"),
        };
    }
}
