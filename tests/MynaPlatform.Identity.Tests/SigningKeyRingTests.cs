using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Tokens;
using MynaPlatform.Storage.Tests;
using Xunit;

namespace MynaPlatform.Identity.Tests;

public sealed class SigningKeyRingTests : IDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    // A rotated key signs after the refresh interval plus the minimum gap: 5 min 10 s by default.
    private static readonly TimeSpan UntilActive = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(11);

    private readonly string _dataDirectory = TestDataDirectory.Create("signing-keys");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => TestDataDirectory.TryDelete(_dataDirectory);

    [Fact]
    public void Rotate_FiveTimesQuickly_KeepsSigningKey()
    {
        var ring = CreateRing();
        var signing = ring.Active.KeyId;

        for (var rotation = 0; rotation < 5; rotation++)
        {
            ring.Rotate();
        }

        Assert.Equal(signing, ring.Active.KeyId);
        Assert.Contains(signing, KeyIds(ring));
        Assert.Equal(3, ring.Published.Count);
    }

    [Fact]
    public void Rotate_SoonAfterReplacement_KeepsReplacedKey()
    {
        var ring = CreateRing();
        var replaced = ring.Active.KeyId;
        var successor = ring.Rotate().KeyId;
        _clock.Advance(UntilActive);
        Assert.Equal(successor, ring.Active.KeyId);

        // Tokens the replaced key signed just before the switch live one token lifetime more.
        for (var rotation = 0; rotation < 3; rotation++)
        {
            ring.Rotate();
        }

        Assert.Contains(replaced, KeyIds(ring));
        Assert.Contains(successor, KeyIds(ring));
        Assert.Equal(successor, ring.Active.KeyId);
    }

    [Fact]
    public void Rotate_TokenLifetimeAfterReplacement_RetiresReplacedKey()
    {
        var ring = CreateRing();
        var replaced = ring.Active.KeyId;
        ring.Rotate();
        _clock.Advance(UntilActive + TokenLifetime + TimeSpan.FromSeconds(1));

        ring.Rotate();
        ring.Rotate();

        Assert.DoesNotContain(replaced, KeyIds(ring));
        Assert.False(File.Exists(Path.Combine(ring.Folder, $"signing-{replaced}.json")));
        Assert.Equal(3, ring.Published.Count);
    }

    [Fact]
    public void Constructor_ExistingFolder_LoadsRotatedKeys()
    {
        var ring = CreateRing();
        var created = ring.Rotate().KeyId;

        var reloaded = CreateRing();

        Assert.Equal(KeyIds(ring).Order(), KeyIds(reloaded).Order());
        Assert.Contains(created, KeyIds(reloaded));
        Assert.Equal(ring.Active.KeyId, reloaded.Active.KeyId);
    }

    private static IEnumerable<string> KeyIds(SigningKeyRing ring) => ring.Published.Select(key => key.KeyId);

    private SigningKeyRing CreateRing() => new(
        new ConfigurationBuilder().AddInMemoryCollection([new(PlatformConfigurationKeys.DataDirectory, _dataDirectory)]).Build(),
        Options.Create(new PlatformAuthenticationOptions()),
        Options.Create(new TokenOptions { AccessTokenLifetime = TokenLifetime }),
        _clock,
        NullLogger<SigningKeyRing>.Instance);
}
