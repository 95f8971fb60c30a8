using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Identity.Tests.Storage;
using MynaPlatform.Jpki;
using Xunit;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// The person behind a login certificate, found through J-LIS's number lookup (a real Kestrel
/// stand-in) at the certificate's first login and through the certificate's link afterwards, on
/// SQLite files.
/// </summary>
public sealed class PersonDirectoryTests : IAsyncLifetime
{
    private static readonly Uri CrlUrl = new("http://127.0.0.1:9/login.crl");

    private readonly TestAuthority _authority = TestAuthority.Create();
    private readonly ServiceProvider _httpClients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private NumberLookupServer _jlis = null!;
    private IdentityContractStorage _storage = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _jlis = await NumberLookupServer.StartAsync();
        _storage = await IdentityContractStorage.StartSqliteAsync(Token);
    }

    [Fact]
    public async Task SecondLogin_SkipsNumberLookup()
    {
        using var card = IssueCard(IndividualNumber.CreateFictitious());

        var first = await FindOrCreateAsync(card);
        var second = await FindOrCreateAsync(card);

        Assert.Equal(first, second);
        Assert.Equal(1, _jlis.LookupCount);
    }

    [Fact]
    public async Task LinkedCertificate_JlisDown_FindsPerson()
    {
        using var card = IssueCard(IndividualNumber.CreateFictitious());
        var personId = await FindOrCreateAsync(card);

        await _jlis.StopAsync();

        Assert.Equal(personId, await FindOrCreateAsync(card));
    }

    [Fact]
    public async Task NewCertificate_JlisDown_Rejected()
    {
        using var card = IssueCard(IndividualNumber.CreateFictitious());
        await _jlis.StopAsync();

        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(() => FindOrCreateAsync(card));

        Assert.Equal(JpkiReasonCodes.RevocationStatusUnknown, rejection.ReasonCode);
        Assert.Null(await _storage.CertificateLinks.FindPersonAsync(Thumbprint(card), Token));
    }

    [Fact]
    public async Task RenewedCard_FindsSamePerson()
    {
        var number = IndividualNumber.CreateFictitious();
        using var oldCard = IssueCard(number);
        using var renewedCard = IssueCard(number);
        using var otherPersonsCard = IssueCard(IndividualNumber.CreateFictitious());

        var before = await FindOrCreateAsync(oldCard);
        var after = await FindOrCreateAsync(renewedCard);
        var other = await FindOrCreateAsync(otherPersonsCard);

        Assert.Equal(before, after);
        Assert.NotEqual(before, other);
        Assert.Equal(3, _jlis.LookupCount);
        Assert.Equal(after, await _storage.CertificateLinks.FindPersonAsync(Thumbprint(renewedCard), Token));
    }

    [Fact]
    public async Task FindByCertificate_JlisDown_FindsLinked()
    {
        using var card = IssueCard(IndividualNumber.CreateFictitious());
        var personId = await FindOrCreateAsync(card);
        await _jlis.StopAsync();

        Assert.Equal(personId, await WithDirectoryAsync(directory => directory.FindByCertificateAsync(card, Token)));
    }

    [Fact]
    public async Task FindByCertificate_NoAccount_ReturnsNull()
    {
        using var card = IssueCard(IndividualNumber.CreateFictitious());

        Assert.Null(await WithDirectoryAsync(directory => directory.FindByCertificateAsync(card, Token)));
        Assert.Equal(1, _jlis.LookupCount);
        Assert.Null(await _storage.CertificateLinks.FindPersonAsync(Thumbprint(card), Token));
    }

    [Fact]
    public async Task FindByCertificate_NotIssuedByJlis_Rejected()
    {
        using var forged = _authority.IssueLoginCertificate(CrlUrl);

        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(
            () => WithDirectoryAsync(directory => directory.FindByCertificateAsync(forged, Token)));

        Assert.Equal(JpkiReasonCodes.CertificateUnknown, rejection.ReasonCode);
    }

    private X509Certificate2 IssueCard(string individualNumber)
    {
        var certificate = _authority.IssueLoginCertificate(CrlUrl);
        _jlis.Register(certificate.RawData, individualNumber);
        return certificate;
    }

    private Task<string> FindOrCreateAsync(X509Certificate2 certificate) =>
        WithDirectoryAsync(directory => directory.FindOrCreateAsync(certificate, Token));

    private Task<T> WithDirectoryAsync<T>(Func<PersonDirectory, Task<T>> work) =>
        _storage.WithPersonsAsync(persons =>
        {
            var options = Options.Create(new JpkiOptions
            {
                NumberDigestKey = new string('k', 32),
                SimulatorUrl = _jlis.Url,
                VerifierKey = NumberLookupServer.VerifierKey,
            });
            return work(new PersonDirectory(
                persons, _storage.CertificateLinks, _httpClients.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System));
        });

    private static string Thumbprint(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256));

    public async ValueTask DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _jlis.DisposeAsync();
        await _httpClients.DisposeAsync();
        _authority.Dispose();
    }
}
