using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;
using Xunit;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// The CRL check of a login certificate against a real distribution point: a CRL that is not the
/// CA's, or that cannot be fetched in time, rejects the login, and a good CRL is cached.
/// </summary>
public sealed class RevocationCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan CacheLimit = TimeSpan.FromMinutes(5);

    private readonly TestAuthority _authority = TestAuthority.Create();
    private CrlServer _server = null!;
    private VerifierHost _host = null!;
    private X509Certificate2 _certificate = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await CrlServer.StartAsync();
        _host = VerifierHost.Create(_authority, CacheLimit);
        _certificate = _authority.IssueLoginCertificate(_server.CrlUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _certificate.Dispose();
        _host.Dispose();
        await _server.DisposeAsync();
        _authority.Dispose();
    }

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    [Fact]
    public async Task Verify_CrlSignedByCa_ReturnsSerial()
    {
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1));

        var serialNumber = await VerifyAsync();

        Assert.Equal(CertificateSerialNumber.Canonical(_certificate), serialNumber);
        Assert.Equal(1, _server.RequestCount);
    }

    [Theory]
    [InlineData(X509RevocationReason.KeyCompromise, JpkiReasonCodes.CertificateRevoked)]
    [InlineData(X509RevocationReason.CertificateHold, JpkiReasonCodes.CertificateOnHold)]
    public async Task Verify_ListedOnCrl_ReturnsReason(X509RevocationReason reason, string reasonCode)
    {
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1), (_certificate, reason));

        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(VerifyAsync);

        Assert.Equal(reasonCode, rejection.ReasonCode);
    }

    [Fact]
    public async Task Verify_HeldAmongManyEntries_IsRejected()
    {
        var others = OtherSerialNumbers(5_000);
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1), others, (_certificate, X509RevocationReason.CertificateHold));

        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(VerifyAsync);

        Assert.Equal(JpkiReasonCodes.CertificateOnHold, rejection.ReasonCode);
    }

    [Fact]
    public async Task Verify_OthersOnLongCrl_ReturnsSerial()
    {
        var others = OtherSerialNumbers(5_000);
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1), others);

        Assert.Equal(CertificateSerialNumber.Canonical(_certificate), await VerifyAsync());
    }

    [Fact]
    public async Task Verify_CrlSignedByImpostor_FailsClosed()
    {
        // The impostor has the trusted CA's issuer name but another key, so only the signature check can reject its CRL.
        using var impostor = TestAuthority.Create(TestAuthority.DefaultName);
        _server.Content = impostor.SignRevocationList(Now, Now.AddDays(1));

        await AssertFailsClosedAsync();
    }

    [Fact]
    public async Task Verify_CrlOfOtherCa_FailsClosed()
    {
        using var other = TestAuthority.Create("CN=Unknown CA, OU=TEST ONLY, O=MynaPlatform Identity Tests, C=JP");
        _server.Content = other.SignRevocationList(Now, Now.AddDays(1));

        await AssertFailsClosedAsync();
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("next-update")]
    public async Task Verify_TamperedCrl_FailsClosed(string tamperedPart)
    {
        var crl = _authority.SignRevocationList(Now, Now.AddDays(1));
        if (tamperedPart == "signature")
        {
            crl[^1] ^= 0x01;
        }
        else
        {
            // The last digit of nextUpdate's year: the DER stays valid and only the signature breaks.
            var yearDigit = FindNextUpdate(crl) + 3;
            crl[yearDigit] = (byte)('0' + ((crl[yearDigit] - '0' + 1) % 10));
        }

        _server.Content = crl;

        await AssertFailsClosedAsync();
    }

    [Fact]
    public async Task Verify_CrlNotDer_FailsClosed()
    {
        _server.Content = "-----BEGIN X509 CRL-----"u8.ToArray();

        await AssertFailsClosedAsync();
    }

    [Fact]
    public async Task Verify_CrlPastNextUpdate_FailsClosed()
    {
        _server.Content = _authority.SignRevocationList(Now.AddDays(-2), Now.AddDays(-1));

        await AssertFailsClosedAsync();
    }

    [Fact]
    public async Task Verify_CrlServerError_FailsClosed()
    {
        _server.StatusCode = StatusCodes.Status500InternalServerError;

        await AssertFailsClosedAsync();
    }

    [Fact]
    public async Task Verify_CrlDownloadTimesOut_FailsClosed()
    {
        _server.Hang = true;
        var elapsed = Stopwatch.StartNew();

        await AssertFailsClosedAsync();

        Assert.Equal(1, _server.RequestCount);
        Assert.InRange(elapsed.Elapsed, VerifierHost.FetchTimeout - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Verify_CrlServerUnreachable_FailsClosed()
    {
        using var certificate = _authority.IssueLoginCertificate(new Uri($"http://127.0.0.1:{FindClosedPort()}/login.crl"));

        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(() => _host.Verifier.VerifyAsync(certificate, TestContext.Current.CancellationToken));

        Assert.Equal(JpkiReasonCodes.RevocationStatusUnknown, rejection.ReasonCode);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, rejection.Status);
    }

    [Fact]
    public async Task Verify_CachedCrl_ReusedUntilNextUpdate()
    {
        _server.Content = _authority.SignRevocationList(Now, Now.AddMinutes(2));
        await VerifyAsync();
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1), (_certificate, X509RevocationReason.KeyCompromise));

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await VerifyAsync();
        Assert.Equal(1, _server.RequestCount);

        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(VerifyAsync);
        Assert.Equal(JpkiReasonCodes.CertificateRevoked, rejection.ReasonCode);
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task Verify_CachedCrl_ReusedUntilMaxAge()
    {
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1));
        await VerifyAsync();
        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1), (_certificate, X509RevocationReason.CertificateHold));

        _host.Clock.Advance(CacheLimit - TimeSpan.FromSeconds(1));
        await VerifyAsync();
        Assert.Equal(1, _server.RequestCount);

        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(VerifyAsync);
        Assert.Equal(JpkiReasonCodes.CertificateOnHold, rejection.ReasonCode);
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task Verify_RejectedCrl_NotCached()
    {
        using var impostor = TestAuthority.Create(TestAuthority.DefaultName);
        _server.Content = impostor.SignRevocationList(Now, Now.AddDays(1));
        await AssertFailsClosedAsync();

        _server.Content = _authority.SignRevocationList(Now, Now.AddDays(1));
        await VerifyAsync();

        Assert.Equal(2, _server.RequestCount);
    }

    private Task<string> VerifyAsync() => _host.Verifier.VerifyAsync(_certificate, TestContext.Current.CancellationToken);

    private async Task AssertFailsClosedAsync()
    {
        var rejection = await Assert.ThrowsAsync<JpkiRejectedException>(VerifyAsync);

        Assert.Equal(JpkiReasonCodes.RevocationStatusUnknown, rejection.ReasonCode);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, rejection.Status);
        Assert.True(_server.RequestCount > 0, "The verifier did not contact the distribution point.");
    }

    /// <summary>Returns the offset of the second UTCTime (tag 0x17) in the CRL, which is nextUpdate.</summary>
    private static int FindNextUpdate(byte[] crl)
    {
        var found = 0;
        for (var i = 0; i < crl.Length - 1; i++)
        {
            if (crl[i] == 0x17 && crl[i + 1] == 13 && ++found == 2)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The CRL has no nextUpdate in UTCTime form.");
    }

    /// <summary>A port that nothing listens on: bound once by the system's choice, then released.</summary>
    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serial numbers 1 to <paramref name="count"/>, in the minimal big-endian form that DER requires of an integer.</summary>
    private static IEnumerable<byte[]> OtherSerialNumbers(int count) =>
        Enumerable.Range(1, count).Select(index => new System.Numerics.BigInteger(index).ToByteArray(isUnsigned: false, isBigEndian: true));
}
