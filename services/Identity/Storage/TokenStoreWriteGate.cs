namespace MynaPlatform.Identity.Storage;

/// <summary>
/// Queues this process's write transactions on the token store. A login that waits for SQLite's
/// single write lock then awaits a semaphore, instead of blocking a thread-pool thread in SQLite's
/// busy handler, which polls the lock with sleeps of up to 100 ms.
/// </summary>
/// <remarks>
/// Only the writes on the login path take the gate. Other writers (OpenIddict's own writes for
/// other grants, other processes) still meet the lock through <c>busy_timeout</c>.
/// </remarks>
public sealed class TokenStoreWriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits for the gate and returns a lease that releases it when disposed.</summary>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Lease(_semaphore);
    }

    public readonly struct Lease(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
