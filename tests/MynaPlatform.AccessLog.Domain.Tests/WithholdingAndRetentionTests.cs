using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.AccessLog.Domain.Wire;
using Xunit;
using static MynaPlatform.AccessLog.Domain.Tests.TamperDetectionTests;

namespace MynaPlatform.AccessLog.Domain.Tests;

public sealed class WithholdingAndRetentionTests
{
    private static readonly DateOnly RevealDate = new(2025, 10, 1);

    [Fact]
    public void WithheldEntry_BeforeDate_IsPlaceholder()
    {
        using var chain = WithheldChain();
        var dayBefore = new DateTimeOffset(2025, 9, 30, 14, 59, 59, TimeSpan.Zero);

        var seen = chain.Entries.Select(entry => entry.AsSeenAt(dayBefore)).ToList();
        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, seen), chain.Keys);

        Assert.True(seen[1].IsPlaceholder);
        Assert.False(seen[0].IsPlaceholder);
        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.True(result.Entries[1].IsPlaceholder);
    }

    [Fact]
    public void WithheldEntry_OnJapanDate_IsRevealed()
    {
        using var chain = WithheldChain();
        var midnightInJapan = new DateTimeOffset(2025, 9, 30, 15, 0, 0, TimeSpan.Zero);

        var seen = chain.Entries.Select(entry => entry.AsSeenAt(midnightInJapan)).ToList();
        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, seen), chain.Keys);

        Assert.False(seen[1].IsPlaceholder);
        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Equal("2025-10-01", seen[1].Content!.Record["withheldUntil"]!.GetValue<string>());
    }

    [Fact]
    public void RevealedEntry_WrongContent_IsDetected()
    {
        using var chain = WithheldChain();
        var wrong = chain.Entries[1].Content! with { Record = TestChain.Exchange(1, withheldUntil: RevealDate.AddDays(1)).ToJson() };
        chain.Entries[1] = chain.Entries[1] with { Content = wrong };

        AssertFailure(chain.Verify(), ChainReasonCodes.ContentMismatch, 2);
    }

    [Fact]
    public void RevealedEntry_WrongSalt_IsDetected()
    {
        using var chain = WithheldChain();
        chain.Entries[1] = chain.Entries[1] with { Content = chain.Entries[1].Content! with { Salt = ChainHashing.NewSalt() } };

        AssertFailure(chain.Verify(), ChainReasonCodes.ContentMismatch, 2);
    }

    [Fact]
    public void PrunedChain_WithCheckpoint_Verifies()
    {
        using var chain = new TestChain(6);
        var (checkpoint, remaining) = Prune(chain, removeThrough: 4);

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, remaining, checkpoint), chain.Keys);

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Equal([5L, 6], result.Entries.Select(entry => entry.Sequence));
        Assert.Equal(4, result.StartedFrom!.Sequence);
    }

    [Fact]
    public void PrunedChain_WithoutCheckpoint_ReportsMissingEntry()
    {
        using var chain = new TestChain(6);
        var (_, remaining) = Prune(chain, removeThrough: 4);

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, remaining), chain.Keys);

        AssertFailure(result, ChainReasonCodes.EntryMissing, 1);
    }

    [Fact]
    public void PrunedChain_TamperedCheckpoint_IsRejected()
    {
        using var chain = new TestChain(6);
        var (checkpoint, remaining) = Prune(chain, removeThrough: 4);
        var moved = checkpoint with { Sequence = 3, EntryHash = chain.Entries[2].EntryHash };

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, chain.Entries.Skip(3).ToList(), moved), chain.Keys);

        AssertFailure(result, ChainReasonCodes.CheckpointSignatureInvalid, 3);
    }

    [Fact]
    public void PrunedChain_EntryRemovedAfterCheckpoint_IsDetected()
    {
        using var chain = new TestChain(6);
        var (checkpoint, remaining) = Prune(chain, removeThrough: 4);
        remaining.RemoveAt(0);

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, remaining, checkpoint), chain.Keys);

        AssertFailure(result, ChainReasonCodes.EntryMissing, 5);
    }

    [Fact]
    public void PrunedChain_PastRememberedHead_ReportsPruned()
    {
        using var chain = new TestChain(3);
        var remembered = chain.Remember();
        chain.Append(TestChain.Exchange(4));
        chain.Append(TestChain.Exchange(5));
        var (checkpoint, remaining) = Prune(chain, removeThrough: 4);

        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, remaining, checkpoint), chain.Keys, remembered);

        AssertFailure(result, ChainReasonCodes.RememberedHeadPruned, 3);
    }

    [Fact]
    public void RetentionPolicy_SevenYears_RemovesOnlyOlderPrefix()
    {
        using var chain = new TestChain(5);
        var now = chain.Entries[2].RecordedAt.AddYears(7);

        var last = new RetentionPolicy().LastToRemove(chain.Entries, now);

        Assert.Equal(2, last!.Sequence);
    }

    [Fact]
    public void ChainJson_RoundTrip_StillVerifies()
    {
        using var chain = WithheldChain();
        var (checkpoint, remaining) = Prune(chain, removeThrough: 1);
        var page = new EntryPage(chain.ChainId, remaining.Select(entry => entry.AsSeenAt(TestChain.Start)).ToList(), checkpoint, null);

        var read = ChainJson.ReadPage(ChainJson.Page(page));
        var head = ChainJson.ReadHead(ChainJson.Head(chain.Head));
        var keys = TrustedKeys.FromJwks(chain.Keys.ToJwks());
        var result = ChainVerifier.Verify(new ChainEvidence(head, read.Entries, read.Checkpoint), keys);

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.True(read.Entries[0].IsPlaceholder);
    }

    private static TestChain WithheldChain()
    {
        var chain = new TestChain(1);
        chain.Append(TestChain.Exchange(1, withheldUntil: RevealDate));
        chain.Append(TestChain.Exchange(2));
        return chain;
    }

    private static (SignedCheckpoint Checkpoint, List<ChainEntry> Remaining) Prune(TestChain chain, int removeThrough)
    {
        var lastRemoved = chain.Entries[removeThrough - 1];
        var checkpoint = chain.Signer.SignCheckpoint(chain.ChainId, lastRemoved, TestChain.Start.AddYears(7));
        return (checkpoint, chain.Entries.Skip(removeThrough).ToList());
    }
}
