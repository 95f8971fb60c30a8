namespace MynaPlatform.Messaging.Outbox;

/// <summary>The dispatcher's view of a service's outbox, whatever the storage provider.</summary>
public interface IOutboxStore
{
    /// <summary>Returns up to <paramref name="limit"/> unpublished rows in sequence order.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken);

    Task MarkSentAsync(Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken);

    /// <summary>Deletes published rows sent before <paramref name="sentBefore"/>; returns how many.</summary>
    Task<int> PruneSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken);
}
