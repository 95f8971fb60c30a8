using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

/// <summary>
/// Tests of the key source against a JWKS endpoint on a real Kestrel port. The test can hold back
/// the endpoint's responses, so that a second caller arrives while a read is under way.
/// </summary>
public sealed class JsonWebKeySetSourceTests : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> published = ["first"];
    private WebApplication app = null!;
    private ServiceProvider httpClients = null!;
    private TaskCompletionSource? heldAnswer;
    private int reads;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/jwks", PublishAsync);
        await app.StartAsync(Token);
        httpClients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    [Fact]
    public async Task UnknownKeyId_DuringRead_WaitsForRead()
    {
        var source = CreateSource();
        Assert.Equal(["first"], KeyIds(await source.GetKeysAsync("first", Token)));

        // The identity service publishes a new key and signs with it. Two requests carry such a token.
        published.Add("second");
        clock.Advance(TimeSpan.FromMinutes(1));
        heldAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = source.GetKeysAsync("second", Token).AsTask();
        await WaitUntilAsync(() => Volatile.Read(ref reads) == 2);

        var arrivingDuringTheRead = source.GetKeysAsync("second", Token).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(200), Token);
        Assert.False(arrivingDuringTheRead.IsCompleted, "A caller with an unknown key id got the keys from before the read under way.");

        heldAnswer.SetResult();
        Assert.Equal(["first", "second"], KeyIds(await reading));
        Assert.Equal(["first", "second"], KeyIds(await arrivingDuringTheRead));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task KnownKeyId_DuringRead_ReturnsCurrentKeys()
    {
        var source = CreateSource();
        await source.GetKeysAsync("first", Token);

        clock.Advance(TimeSpan.FromMinutes(6));
        heldAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduled = source.GetKeysAsync("first", Token).AsTask();
        await WaitUntilAsync(() => Volatile.Read(ref reads) == 2);

        var known = await source.GetKeysAsync("first", Token).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Token);
        Assert.Equal(["first"], KeyIds(known));
        heldAnswer.SetResult();
        await scheduled;
    }

    [Fact]
    public async Task UnknownKeyId_WithinMinimumInterval_NotRead()
    {
        var source = CreateSource();
        await source.GetKeysAsync("first", Token);

        published.Add("second");
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["first"], KeyIds(await source.GetKeysAsync("forged", Token)));
        Assert.Equal(1, reads);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["first", "second"], KeyIds(await source.GetKeysAsync("second", Token)));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task WallClockMovedBack_KeepsReading()
    {
        var shifted = new ShiftedClock(clock);
        var source = CreateSource(shifted);
        await source.GetKeysAsync("first", Token);

        // A scheduled read while the wall clock is a day ahead, then the wall clock moves back.
        shifted.Offset = TimeSpan.FromDays(1);
        clock.Advance(TimeSpan.FromMinutes(6));
        await source.GetKeysAsync("first", Token);
        shifted.Offset = TimeSpan.Zero;

        published.Add("second");
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(["first", "second"], KeyIds(await source.GetKeysAsync("second", Token)));
        Assert.Equal(3, reads);
    }

    private JsonWebKeySetSource CreateSource(TimeProvider? time = null) => new(
        httpClients.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new PlatformAuthenticationOptions
        {
            Issuer = new Uri(TestTokenIssuer.Issuer),
            JwksUrl = new Uri(new Uri(app.Urls.Single()), "/jwks"),
        }),
        time ?? clock,
        NullLogger<JsonWebKeySetSource>.Instance);

    private async Task<IResult> PublishAsync()
    {
        Interlocked.Increment(ref reads);
        if (heldAnswer is { } held)
        {
            await held.Task;
        }

        var keys = published.Select(keyId =>
        {
            using var rsa = RSA.Create(2048);
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = keyId });
            jwk.Use = JsonWebKeyUseNames.Sig;
            return jwk;
        }).ToList();
        return TypedResults.Json(new { keys });
    }

    private static List<string> KeyIds(IReadOnlyList<SecurityKey> keys) => [.. keys.Select(key => key.KeyId)];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The JWKS endpoint was not read in time.");
            await Task.Delay(10, Token);
        }
    }

    /// <summary>A wall clock moved by <see cref="Offset"/>, whose monotonic counter is the fake clock's, like the services' test clock.</summary>
    private sealed class ShiftedClock(FakeTimeProvider time) : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => time.GetUtcNow() + Offset;

        public override long GetTimestamp() => time.GetTimestamp();

        public override long TimestampFrequency => time.TimestampFrequency;
    }

    public async ValueTask DisposeAsync()
    {
        heldAnswer?.TrySetResult();
        await httpClients.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
