using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Wire;
using MynaPlatform.AccessLog.Signing;

namespace MynaPlatform.AccessLog.Chains;

/// <summary>
/// Serves a person's signed head and entries as docs/access-log-verification.md defines them.
/// Withheld entries are served as placeholders until their date has come in Japan.
/// </summary>
public sealed class ChainReader(IAccessLogRepository repository, SigningKeyRing keys, TimeProvider clock)
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    public async Task<SignedHead> GetHeadAsync(string personId, CancellationToken cancellationToken)
    {
        var chain = await repository.GetOrCreateChainAsync(personId, cancellationToken);
        return HeadOf(chain);
    }

    /// <summary>Returns the entries with <paramref name="after"/> &lt; sequence ≤ <paramref name="through"/> (the head when null).</summary>
    public async Task<EntryPage> GetEntriesAsync(string personId, long after, long? through, int limit, CancellationToken cancellationToken)
    {
        var chain = await repository.GetOrCreateChainAsync(personId, cancellationToken);
        var last = Math.Min(through ?? chain.Tip.Sequence, chain.Tip.Sequence);
        var start = Math.Max(after, chain.Checkpoint?.Sequence ?? 0);

        var entries = start < last
            ? await repository.ReadEntriesAsync(chain.ChainId, start, last, limit + 1, cancellationToken)
            : [];
        var now = clock.GetUtcNow();
        var page = entries.Take(limit).Select(entry => entry.AsSeenAt(now)).ToList();
        long? nextAfter = entries.Count > limit ? page[^1].Sequence : null;
        return new EntryPage(chain.ChainId, page, chain.Checkpoint, nextAfter);
    }

    private SignedHead HeadOf(PersonChain chain) => chain.HeadSignature is { } signature
        ? new SignedHead(chain.ChainId, chain.Tip.Sequence, chain.Tip.Hash, signature)
        : keys.Signer.SignHead(chain.Tip, clock.GetUtcNow());
}
