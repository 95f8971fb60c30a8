using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using Xunit;
using static MynaPlatform.AccessLog.Domain.Tests.TamperDetectionTests;

namespace MynaPlatform.AccessLog.Domain.Tests;

public sealed class HistoryContinuityTests
{
    [Fact]
    public void Verifier_AppendedChain_ExtendsRememberedHead()
    {
        using var chain = new TestChain(3);
        var remembered = chain.Remember();
        chain.Append(TestChain.Exchange(4));
        chain.Append(TestChain.Exchange(5));

        var result = chain.Verify(remembered);

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.True(result.ExtendsRemembered);
    }

    [Fact]
    public void Verifier_UnchangedChain_ExtendsRememberedHead()
    {
        using var chain = new TestChain(3);

        var result = chain.Verify(chain.Remember());

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.True(result.ExtendsRemembered);
    }

    [Fact]
    public void Verifier_TruncatedChain_ReportsTruncation()
    {
        using var chain = new TestChain(5);
        var remembered = chain.Remember();
        var shorter = Rebuild(chain, keep: 3, appendAfter: 0);

        var result = ChainVerifier.Verify(new ChainEvidence(shorter.Head, shorter.Entries), chain.Keys, remembered);

        AssertFailure(result, ChainReasonCodes.HistoryTruncated, 4);
    }

    [Fact]
    public void Verifier_RewrittenHistorySameLength_ReportsRewrite()
    {
        using var chain = new TestChain(5);
        var remembered = chain.Remember();
        var rewritten = Rebuild(chain, keep: 2, appendAfter: 3);

        var result = ChainVerifier.Verify(new ChainEvidence(rewritten.Head, rewritten.Entries), chain.Keys, remembered);

        AssertFailure(result, ChainReasonCodes.HistoryRewritten, 5);
    }

    [Fact]
    public void Verifier_ForkedHistory_ReportsFork()
    {
        using var chain = new TestChain(5);
        var remembered = chain.Remember();
        var forked = Rebuild(chain, keep: 2, appendAfter: 6);

        var result = ChainVerifier.Verify(new ChainEvidence(forked.Head, forked.Entries), chain.Keys, remembered);

        AssertFailure(result, ChainReasonCodes.HistoryForked, 5);
    }

    [Fact]
    public void Verifier_ForkFromTrustedAnchor_ReportsFork()
    {
        using var chain = new TestChain(5);
        var remembered = chain.Remember();
        var anchor = new ChainAnchor(4, chain.Entries[3].EntryHash, chain.Entries[3].RecordedAt);
        var forked = Rebuild(chain, keep: 2, appendAfter: 6);

        var result = ChainVerifier.Verify(
            new ChainEvidence(forked.Head, forked.Entries.Skip(4).ToList()), chain.Keys, remembered, anchor);

        AssertFailure(result, ChainReasonCodes.HistoryForked, 5);
    }

    [Fact]
    public void Verifier_NewEntriesFromAnchor_Verify()
    {
        using var chain = new TestChain(5);
        var remembered = chain.Remember();
        var anchor = new ChainAnchor(4, chain.Entries[3].EntryHash, chain.Entries[3].RecordedAt);
        chain.Append(TestChain.Exchange(6));

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, chain.Entries.Skip(4).ToList()), chain.Keys, remembered, anchor);

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Equal([5L, 6], result.Entries.Select(entry => entry.Sequence));
    }

    [Fact]
    public void Verifier_OtherChainId_ReportsChainChange()
    {
        using var chain = new TestChain(2);
        using var other = new TestChain(2);

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, chain.Entries), chain.Keys, other.Remember());

        AssertFailure(result, ChainReasonCodes.ChainIdChanged, null);
    }

    /// <summary>
    /// Rebuilds the chain as an operator holding the signing key could: the first
    /// <paramref name="keep"/> entries unchanged, then <paramref name="appendAfter"/> new entries,
    /// all hashed and signed correctly.
    /// </summary>
    private static (SignedHead Head, List<ChainEntry> Entries) Rebuild(TestChain chain, int keep, int appendAfter)
    {
        var entries = chain.Entries.Take(keep).ToList();
        var tip = keep == 0 ? ChainTip.Start(chain.ChainId) : ChainTip.After(chain.ChainId, entries[^1]);
        var head = chain.Signer.SignHead(tip, TestChain.Start.AddDays(keep));

        for (var i = 0; i < appendAfter; i++)
        {
            var appended = tip.Append(TestChain.Exchange(70 + i), TestChain.Start.AddDays(keep + i + 1), chain.Signer);
            entries.Add(appended.Entry);
            tip = appended.Tip;
            head = appended.Head;
        }

        return (head, entries);
    }
}
