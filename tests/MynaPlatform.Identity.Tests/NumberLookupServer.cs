using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// J-LIS's individual-number lookup for verifiers on a real Kestrel port on 127.0.0.1. It returns the number
/// of each certificate a test registered, and counts the lookup requests.
/// </summary>
public sealed class NumberLookupServer : IAsyncDisposable
{
    public const string VerifierKey = "number-lookup-test-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _numbers = new();
    private int _lookupCount;

    private NumberLookupServer(WebApplication app)
    {
        _app = app;
        _app.MapPost(SimulatorRoutes.IndividualNumberLookup, LookUp);
    }

    public Uri Url => new(_app.Urls.Single());

    public int LookupCount => Volatile.Read(ref _lookupCount);

    public static async Task<NumberLookupServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var server = new NumberLookupServer(builder.Build());
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>Registers the individual number behind a login certificate (its DER bytes).</summary>
    public void Register(byte[] certificate, string individualNumber) => _numbers[Convert.ToBase64String(certificate)] = individualNumber;

    public async Task StopAsync() => await _app.StopAsync(CancellationToken.None);

    private IResult LookUp(HttpContext context, IndividualNumberLookupRequest request)
    {
        Interlocked.Increment(ref _lookupCount);
        if (context.Request.Headers.Authorization != $"Bearer {VerifierKey}")
        {
            return Results.Unauthorized();
        }

        return _numbers.TryGetValue(request.LoginCertificate, out var number)
            ? Results.Ok(new IndividualNumberLookupResponse(number, CertificateState.Good))
            : Results.NotFound();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
