using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;

namespace MynaPlatform.AccessLog.Domain.Tests;

/// <summary>A person's chain built in memory, one entry per day from a fixed start, signed with a fresh key.</summary>
public sealed class TestChain : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 30, 0, TimeSpan.Zero);

    private readonly List<ChainEntry> _entries = [];

    public TestChain(int count, string keyId = "key-2025")
    {
        Key = ChainSigningKey.Generate(keyId);
        Signer = new ChainSigner(Key);
        Tip = ChainTip.Start(ChainId);
        Head = Signer.SignHead(Tip, Start);

        for (var i = 0; i < count; i++)
        {
            Append(Exchange(i));
        }
    }

    public string ChainId { get; } = ChainIds.New();

    public ChainSigningKey Key { get; }

    public ChainSigner Signer { get; private set; }

    public ChainTip Tip { get; private set; }

    public SignedHead Head { get; private set; }

    public List<ChainEntry> Entries => _entries;

    public TrustedKeys Keys => new([Key.PublicJwk()]);

    public static ExchangeRecord Exchange(int number, DateOnly? withheldUntil = null) => new(
        "1234567890123456",
        $"98765432109876{number % 100:00}",
        Start.AddDays(number),
        Start.AddDays(number).AddMinutes(3),
        "児童手当法による児童手当の支給に関する事務",
        ["地方税関係情報", "住民票関係情報"],
        withheldUntil);

    public ChainEntry Append(LogRecord record)
    {
        var appended = Tip.Append(record, Start.AddDays(_entries.Count + 1), Signer);
        _entries.Add(appended.Entry);
        Tip = appended.Tip;
        Head = appended.Head;
        return appended.Entry;
    }

    /// <summary>Switches to a new signing key, as key rotation does.</summary>
    public ChainSigningKey Rotate(string keyId)
    {
        var next = ChainSigningKey.Generate(keyId);
        Signer = new ChainSigner(next);
        return next;
    }

    public RememberedHead Remember() => new(ChainId, Head.Sequence, Head.HeadHash);

    public VerificationResult Verify(RememberedHead? remembered = null, SignedCheckpoint? checkpoint = null, ChainAnchor? anchor = null) =>
        ChainVerifier.Verify(new ChainEvidence(Head, _entries.ToList(), checkpoint), Keys, remembered, anchor);

    public void Dispose() => Key.Dispose();
}
