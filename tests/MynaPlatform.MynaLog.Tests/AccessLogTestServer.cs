using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Wire;
using Xunit;

namespace MynaPlatform.MynaLog.Tests;

/// <summary>
/// A small Kestrel server on 127.0.0.1 that serves one person's chain in the documented shapes of
/// the access-log API, kept in memory so tests can append to it and tamper with it.
/// </summary>
public sealed class AccessLogTestServer : IAsyncDisposable
{
    public const string Token = "test-token-for-one-person";
    public static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 30, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly object _gate = new();

    private AccessLogTestServer(WebApplication app, ChainSigningKey key)
    {
        _app = app;
        Key = key;
        Signer = new ChainSigner(key);
        PublishedKeys = [key.PublicJwk()];
        Tip = ChainTip.Start(ChainId);
        Head = Signer.SignHead(Tip, Start);
    }

    public string ChainId { get; } = ChainIds.New();

    public ChainSigningKey Key { get; }

    public ChainSigner Signer { get; set; }

    public List<PublicJwk> PublishedKeys { get; }

    public ChainTip Tip { get; set; }

    public SignedHead Head { get; set; }

    public List<ChainEntry> Entries { get; } = [];

    public SignedCheckpoint? Checkpoint { get; set; }

    /// <summary>Time the server shows withheld entries at; entries withheld past it are placeholders.</summary>
    public DateTimeOffset Now { get; set; } = Start;

    /// <summary>Largest page the server returns, small so tests cross page boundaries.</summary>
    public int PageSize { get; set; } = 3;

    public List<string> RequestedPaths { get; } = [];

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<AccessLogTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        var server = new AccessLogTestServer(app, ChainSigningKey.Generate("key-2025"));
        app.MapGet("/api/access-log/keys", () => Results.Json(new TrustedKeys(server.PublishedKeys).ToJwks()));
        app.MapGet("/api/access-log/chain/head", (HttpContext http) => server.Serve(http, () => ChainJson.Head(server.Head)));
        app.MapGet("/api/access-log/chain/entries", (HttpContext http, long after, long through, int limit) =>
            server.Serve(http, () => server.Page(after, through, limit)));

        await app.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    public void Append(int count, DateOnly? withheldUntil = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var number = Entries.Count + 1;
                var record = new ExchangeRecord(
                    "1234567890123456", "9876543210987654", Start.AddDays(number), Start.AddDays(number).AddMinutes(2),
                    "児童手当法による児童手当の支給に関する事務", ["地方税関係情報"], withheldUntil);
                var appended = Tip.Append(record, Start.AddDays(number), Signer);
                Entries.Add(appended.Entry);
                Tip = appended.Tip;
                Head = appended.Head;
            }
        }
    }

    private IResult Serve(HttpContext http, Func<JsonObject> body)
    {
        lock (_gate)
        {
            RequestedPaths.Add(http.Request.Path + http.Request.QueryString);
            return http.Request.Headers.Authorization == $"Bearer {Token}" ? Results.Json(body()) : Results.Unauthorized();
        }
    }

    private JsonObject Page(long after, long through, int limit)
    {
        var from = Math.Max(after, Checkpoint?.Sequence ?? 0);
        var selected = Entries.Where(entry => entry.Sequence > from && entry.Sequence <= through).ToList();
        var page = selected.Take(Math.Min(limit, PageSize)).Select(entry => entry.AsSeenAt(Now)).ToList();
        long? nextAfter = selected.Count > page.Count ? page[^1].Sequence : null;
        return ChainJson.Page(new EntryPage(ChainId, page, Checkpoint, nextAfter));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
