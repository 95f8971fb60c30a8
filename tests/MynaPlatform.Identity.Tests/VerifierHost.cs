using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MynaPlatform.Identity.Jpki;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// The identity service's certificate verification as the service registers it, trusting one
/// test CA, with a clock that a test moves forward.
/// </summary>
public sealed class VerifierHost : IDisposable
{
    /// <summary>The shortest download timeout the options accept, so timeout tests stay short.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(1);

    private readonly IHost _host;
    private readonly string _folder;

    private VerifierHost(IHost host, string folder, ManualClock clock)
    {
        _host = host;
        _folder = folder;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public LoginCertificateVerifier Verifier => _host.Services.GetRequiredService<LoginCertificateVerifier>();

    public static VerifierHost Create(TestAuthority anchor, TimeSpan revocationListMaxAge)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"identity-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{JpkiOptions.SectionName}:TrustAnchorFiles:0"] = anchor.WritePem(folder),
            [$"{JpkiOptions.SectionName}:NumberDigestKey"] = new string('k', 32),
            [$"{JpkiOptions.SectionName}:RevocationFetchTimeout"] = FetchTimeout.ToString(),
            [$"{JpkiOptions.SectionName}:RevocationListMaxAge"] = revocationListMaxAge.ToString(),
        });

        var clock = new ManualClock(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddJpkiVerification();

        // The login services registered beside the verifier need the token database, which these tests leave out.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        return new VerifierHost(builder.Build(), folder, clock);
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A clock that does not advance until a test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan delta) => _now += delta;
}
