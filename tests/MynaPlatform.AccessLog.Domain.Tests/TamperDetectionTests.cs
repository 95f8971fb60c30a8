using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using Xunit;

namespace MynaPlatform.AccessLog.Domain.Tests;

public sealed class TamperDetectionTests
{
    [Fact]
    public void Verifier_ValidChain_Verifies()
    {
        using var chain = new TestChain(5);

        var result = chain.Verify();

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Equal([1L, 2, 3, 4, 5], result.Entries.Select(entry => entry.Sequence));
        Assert.Null(result.ExtendsRemembered);
    }

    [Fact]
    public void Verifier_EmptyChain_Verifies()
    {
        using var chain = new TestChain(0);

        var result = chain.Verify();

        Assert.True(result.IsValid, result.Failure?.Detail);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Verifier_EditedContent_FailsAtEditedEntry()
    {
        using var chain = new TestChain(5);
        var content = chain.Entries[2].Content!;
        content.Record["administrativeTask"] = "別の事務";

        AssertFailure(chain.Verify(), ChainReasonCodes.ContentMismatch, 3);
    }

    [Fact]
    public void Verifier_EditRecomputingHashes_FailsAtEditedEntry()
    {
        using var chain = new TestChain(5);
        RewriteWithoutKey(chain, index: 2, TestChain.Exchange(99));

        AssertFailure(chain.Verify(), ChainReasonCodes.EntrySignatureInvalid, 3);
    }

    [Fact]
    public void Verifier_EditedTime_FailsAtEditedEntry()
    {
        using var chain = new TestChain(5);
        chain.Entries[3] = chain.Entries[3] with { RecordedAt = chain.Entries[3].RecordedAt.AddMinutes(1) };

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryHashMismatch, 4);
    }

    [Fact]
    public void Verifier_RemovedEntry_ReportsMissingEntry()
    {
        using var chain = new TestChain(5);
        chain.Entries.RemoveAt(1);

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryMissing, 2);
    }

    [Fact]
    public void Verifier_RemovedEntryRenumbered_FailsAtGap()
    {
        using var chain = new TestChain(5);
        chain.Entries.RemoveAt(1);
        for (var i = 1; i < chain.Entries.Count; i++)
        {
            chain.Entries[i] = chain.Entries[i] with { Sequence = i + 1 };
        }

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryHashMismatch, 2);
    }

    [Fact]
    public void Verifier_RemovedLastEntry_ReportsMissingEntry()
    {
        using var chain = new TestChain(5);
        chain.Entries.RemoveAt(4);

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryMissing, 5);
    }

    [Fact]
    public void Verifier_ReorderedEntries_ReportsFirstMovedEntry()
    {
        using var chain = new TestChain(5);
        (chain.Entries[2], chain.Entries[3]) = (chain.Entries[3], chain.Entries[2]);

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryOutOfOrder, 3);
    }

    [Fact]
    public void Verifier_ReorderedAndRenumbered_FailsAtFirstSwap()
    {
        using var chain = new TestChain(5);
        (chain.Entries[2], chain.Entries[3]) = (chain.Entries[3] with { Sequence = 3 }, chain.Entries[2] with { Sequence = 4 });

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryHashMismatch, 3);
    }

    [Fact]
    public void Verifier_InsertedDuplicateNumber_ReportsDuplicate()
    {
        using var chain = new TestChain(5);
        chain.Entries.Insert(3, chain.Entries[2] with { Commitment = new string('0', 64) });

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryDuplicated, 3);
    }

    [Fact]
    public void Verifier_InsertedAndRenumbered_FailsAtInsertedEntry()
    {
        using var chain = new TestChain(5);
        var forged = chain.Entries[1] with { Content = new RevealedContent(ChainHashing.NewSalt(), TestChain.Exchange(50).ToJson()) };
        chain.Entries.Insert(2, forged);
        for (var i = 2; i < chain.Entries.Count; i++)
        {
            chain.Entries[i] = chain.Entries[i] with { Sequence = i + 1 };
        }

        AssertFailure(chain.Verify(), ChainReasonCodes.ContentMismatch, 3);
    }

    [Fact]
    public void Verifier_EntryBeyondHead_ReportsUnexpectedEntry()
    {
        using var chain = new TestChain(5);
        var head = chain.Head;
        chain.Append(TestChain.Exchange(6));

        var result = ChainVerifier.Verify(new ChainEvidence(head, chain.Entries), chain.Keys);

        AssertFailure(result, ChainReasonCodes.EntryUnexpected, 6);
    }

    [Fact]
    public void Verifier_TimeGoingBackwards_ReportsTimeOrder()
    {
        using var chain = new TestChain(3);
        chain.Entries[2] = chain.Entries[2] with { RecordedAt = chain.Entries[0].RecordedAt };

        AssertFailure(chain.Verify(), ChainReasonCodes.EntryTimeOutOfOrder, 3);
    }

    [Fact]
    public void Verifier_ForgedHeadSignature_IsRejected()
    {
        using var chain = new TestChain(3);
        using var forger = ChainSigningKey.Generate(chain.Key.KeyId);
        var forged = new ChainSigner(forger).SignHead(chain.ChainId, 3, chain.Head.HeadHash, chain.Head.Signature.SignedAt);

        var result = ChainVerifier.Verify(new ChainEvidence(forged, chain.Entries), chain.Keys);

        AssertFailure(result, ChainReasonCodes.HeadSignatureInvalid, null);
    }

    [Fact]
    public void Verifier_HeadSignedByUnknownKey_IsRejected()
    {
        using var chain = new TestChain(3);
        using var other = ChainSigningKey.Generate("key-unknown");
        var head = new ChainSigner(other).SignHead(chain.Tip, chain.Head.Signature.SignedAt);

        var result = ChainVerifier.Verify(new ChainEvidence(head, chain.Entries), chain.Keys);

        AssertFailure(result, ChainReasonCodes.SigningKeyUnknown, null);
    }

    [Fact]
    public void Verifier_HeadWithOtherHash_ReportsHeadMismatch()
    {
        using var chain = new TestChain(3);
        var head = chain.Signer.SignHead(chain.ChainId, 3, new string('a', 64), chain.Head.Signature.SignedAt);

        var result = ChainVerifier.Verify(new ChainEvidence(head, chain.Entries), chain.Keys);

        AssertFailure(result, ChainReasonCodes.HeadHashMismatch, 3);
    }

    [Fact]
    public void Verifier_RotatedKey_VerifiesBothKeys()
    {
        using var chain = new TestChain(3, keyId: "key-2025");
        using var next = chain.Rotate("key-2026");
        chain.Append(TestChain.Exchange(4));

        var both = new TrustedKeys([chain.Key.PublicJwk(), next.PublicJwk()]);
        var result = ChainVerifier.Verify(new ChainEvidence(chain.Head, chain.Entries), both);
        var oldOnly = chain.Verify();

        Assert.True(result.IsValid, result.Failure?.Detail);
        AssertFailure(oldOnly, ChainReasonCodes.SigningKeyUnknown, null);
    }

    internal static void AssertFailure(VerificationResult result, string reasonCode, long? sequence)
    {
        Assert.False(result.IsValid, "The chain verified although it was tampered with.");
        Assert.Equal(reasonCode, result.Failure!.ReasonCode);
        Assert.Equal(sequence, result.Failure.Sequence);
    }

    /// <summary>
    /// Replaces one record the way someone with database access but without the signing key would:
    /// new salt, commitment and hashes for that entry and every later one, old signatures kept.
    /// </summary>
    private static void RewriteWithoutKey(TestChain chain, int index, LogRecord record)
    {
        var salt = ChainHashing.NewSalt();
        var json = record.ToJson();
        chain.Entries[index] = chain.Entries[index] with
        {
            Commitment = ChainHashing.Commitment(salt, CanonicalJson.Serialize(json)),
            Content = new RevealedContent(salt, json),
        };

        var previous = index == 0 ? ChainHashing.Genesis(chain.ChainId) : chain.Entries[index - 1].EntryHash;
        for (var i = index; i < chain.Entries.Count; i++)
        {
            var entry = chain.Entries[i];
            chain.Entries[i] = entry with { EntryHash = ChainHashing.Entry(previous, entry.Sequence, entry.RecordedAt, entry.Commitment) };
            previous = chain.Entries[i].EntryHash;
        }
    }
}
