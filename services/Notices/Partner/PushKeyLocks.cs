namespace MynaPlatform.Notices.Partner;

/// <summary>
/// Serialises requests of this process that carry the same idempotency key, so that a second
/// request waits for the first without polling the store. Requests on other instances are still
/// coordinated by the key's lease in the store.
/// </summary>
public sealed class PushKeyLocks
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the key; returns null when <paramref name="timeout"/> passed first.</summary>
    public async Task<IDisposable?> AcquireAsync(string agencyClientId, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = $"{agencyClientId}/{key}";
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(name, out entry!))
            {
                entry = new Entry();
                entries[name] = entry;
            }

            entry.Users++;
        }

        var acquired = false;
        try
        {
            acquired = await entry.Semaphore.WaitAsync(timeout, cancellationToken);
            return acquired ? new Holder(this, name, entry) : null;
        }
        finally
        {
            if (!acquired)
            {
                Leave(name, entry);
            }
        }
    }

    private void Leave(string name, Entry entry)
    {
        lock (entries)
        {
            if (--entry.Users == 0)
            {
                entries.Remove(name);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder(PushKeyLocks owner, string name, Entry entry) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(name, entry);
            }
        }
    }
}
