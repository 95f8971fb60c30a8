namespace MynaPlatform.Messaging.Inbox;

/// <summary>The maintenance view of a service's inbox, whatever the storage provider.</summary>
public interface IInboxStore
{
    /// <summary>Deletes ids processed before <paramref name="processedBefore"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken);
}
