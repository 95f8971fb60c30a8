using MassTransit;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Messaging;

namespace MynaPlatform.AccessLog.Consumers;

/// <summary>
/// Appends a platform-access record for every read of a person's data by someone else. The inbox
/// and the access id both make a redelivered or republished event leave one record.
/// </summary>
public sealed partial class PersonDataAccessedConsumer(ChainWriter writer, ILogger<PersonDataAccessedConsumer> logger)
    : IConsumer<PersonDataAccessed>
{
    public async Task Consume(ConsumeContext<PersonDataAccessed> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("PersonDataAccessed arrived without a MessageId; the inbox cannot deduplicate it.");
        var accessed = context.Message;
        if (string.IsNullOrWhiteSpace(accessed.PersonId))
        {
            throw new InvalidOperationException($"PersonDataAccessed message {messageId} has no PersonId.");
        }

        var record = PlatformAccessRecord.FromEvent(accessed);
        string[] agencies = record.AccessorKind == AccessorKind.Agency ? [record.AccessorId] : [];
        var index = new EntryIndex(record.Kind, record.AccessedAt, agencies, record.Purpose, null);
        var outcome = await writer.AppendAsync(
            accessed.PersonId,
            new NewRecord(record, SourceKey(accessed.AccessId), index),
            new InboxReceipt(messageId, nameof(PersonDataAccessedConsumer)),
            context.CancellationToken);

        if (outcome.Status == AppendStatus.Appended)
        {
            Log.AccessRecorded(logger, accessed.AccessId, messageId);
        }
        else
        {
            Log.DuplicateSkipped(logger, accessed.AccessId, messageId);
        }
    }

    public static string SourceKey(Guid accessId) => $"access:{accessId:D}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "PlatformAccessRecorded", Level = LogLevel.Information,
            Message = "Recorded access {AccessId} from message {MessageId}")]
        public static partial void AccessRecorded(ILogger logger, Guid accessId, Guid messageId);

        [LoggerMessage(EventId = 2, EventName = "PlatformAccessDuplicateSkipped", Level = LogLevel.Debug,
            Message = "Access {AccessId} from message {MessageId} was recorded before; skipped")]
        public static partial void DuplicateSkipped(ILogger logger, Guid accessId, Guid messageId);
    }
}

public sealed class PersonDataAccessedConsumerDefinition : PlatformConsumerDefinition<PersonDataAccessedConsumer>;
