using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

/// <summary>
/// The simulator on a real Kestrel port on 127.0.0.1, with its own data folder for each test
/// class that uses it.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public const string VerifierKey = "test-verifier-key-2c6f1e";

    private WebApplicationFactory<JpkiSimulatorOptions>? _factory;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("jpki-tests-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        _factory = Start(DataDirectory);
        BaseAddress = AddressOf(_factory);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts a simulator on <paramref name="dataDirectory"/>; the caller disposes it.</summary>
    public static WebApplicationFactory<JpkiSimulatorOptions> Start(string dataDirectory)
    {
        var factory = new WebApplicationFactory<JpkiSimulatorOptions>().WithWebHostBuilder(host => host
            .UseSetting("Platform:DataDirectory", dataDirectory)
            .UseSetting("JpkiSimulator:Verifiers:identity", VerifierKey)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    public static Uri AddressOf(WebApplicationFactory<JpkiSimulatorOptions> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Issues a card for keys made here, as a card would make them.</summary>
    public async Task<IssuedCard> IssueAsync(
        ResidentDetails? resident = null, TestIssuingOptions? options = null, CardRenewal? renewal = null)
    {
        var loginKey = RSA.Create(2048);
        var signatureKey = RSA.Create(2048);
        var request = new IssueCardRequest(CreateRequest(loginKey), CreateRequest(signatureKey), resident, renewal, options);

        using var response = await Http.PostAsJsonAsync("/counter/cards", request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = (await response.Content.ReadFromJsonAsync<IssueCardResponse>(TestContext.Current.CancellationToken))!;

        return new IssuedCard(
            issued,
            X509Certificate2.CreateFromPem(issued.LoginCertificate),
            X509Certificate2.CreateFromPem(issued.SignatureCertificate),
            loginKey,
            signatureKey);
    }

    public async Task<byte[]> GetBytesAsync(string path) =>
        await Http.GetByteArrayAsync(path, TestContext.Current.CancellationToken);

    private static string CreateRequest(RSA key) =>
        new CertificateRequest("CN=test card", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}

public sealed record IssuedCard(
    IssueCardResponse Response, X509Certificate2 Login, X509Certificate2 Signature, RSA LoginKey, RSA SignatureKey);
