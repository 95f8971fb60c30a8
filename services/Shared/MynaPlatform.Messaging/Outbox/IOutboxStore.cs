namespace MynaPlatform.Messaging.Outbox;

/// <summary>The dispatcher's view of a service's outbox, whatever the storage provider.</summary>
public interface IOutboxStore
{
    /// <summary>Returns up to <paramref name="limit"/> unpublished rows in sequence order.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Returns up to <paramref name="limit"/> unpublished rows in sequence order, leaving out the rows
    /// of <paramref name="excludedAggregates"/>, so that aggregates waiting for a retry cannot fill the batch.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, IReadOnlyCollection<string> excludedAggregates, CancellationToken cancellationToken);

    Task MarkSentAsync(Guid messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken);

    /// <summary>Deletes published rows sent before <paramref name="sentBefore"/>; returns how many.</summary>
    Task<int> PruneSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken);
}
