using System.Diagnostics;
using MassTransit;
using MynaPlatform.AccessLog.Operations;
using MynaPlatform.Contracts.Operations;
using MynaPlatform.Messaging;

namespace MynaPlatform.AccessLog.Consumers;

public sealed partial class SelfCheckProbeRecordedConsumer(
    ISelfCheckReceiptRepository receipts,
    TimeProvider clock,
    ILogger<SelfCheckProbeRecordedConsumer> logger) : IConsumer<SelfCheckProbeRecorded>
{
    public async Task Consume(ConsumeContext<SelfCheckProbeRecorded> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("SelfCheckProbeRecorded arrived without a MessageId; the inbox cannot deduplicate it.");
        var receipt = new SelfCheckReceipt(
            context.Message.ProbeId,
            messageId,
            context.Message.CorrelationId,
            Activity.Current?.TraceId.ToString() ?? "",
            clock.GetUtcNow());

        if (await receipts.RecordAsync(receipt, nameof(SelfCheckProbeRecordedConsumer), context.CancellationToken))
        {
            Log.ReceiptStored(logger, receipt.ProbeId, messageId);
        }
        else
        {
            Log.DuplicateSkipped(logger, messageId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "SelfCheckReceiptStored", Level = LogLevel.Information,
            Message = "Stored the receipt of self-check probe {ProbeId} from message {MessageId}")]
        public static partial void ReceiptStored(ILogger logger, Guid probeId, Guid messageId);

        [LoggerMessage(EventId = 2, EventName = "SelfCheckDuplicateSkipped", Level = LogLevel.Debug,
            Message = "Message {MessageId} was processed before; skipped")]
        public static partial void DuplicateSkipped(ILogger logger, Guid messageId);
    }
}

public sealed class SelfCheckProbeRecordedConsumerDefinition : PlatformConsumerDefinition<SelfCheckProbeRecordedConsumer>;
