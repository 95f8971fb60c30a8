using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class CertificateShapeTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task LoginCertificate_Shape_MatchesJpki()
    {
        var card = await simulator.IssueAsync();

        Assert.Equal(JpkiFacts.LoginIssuer, ReadNameInDerOrder(card.Login.IssuerName));
        Assert.Equal(JpkiFacts.Sha256WithRsaEncryption, card.Login.SignatureAlgorithm.Value);
        Assert.Equal(JpkiFacts.KeySize, card.Login.GetRSAPublicKey()!.KeySize);

        var keyUsage = Assert.Single(card.Login.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(keyUsage.Critical);
        Assert.True(keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));

        // The login certificate proves possession of the card and names no one.
        var subject = ReadNameInDerOrder(card.Login.SubjectName);
        Assert.DoesNotContain(subject, attribute => attribute.Value.Contains(card.Response.Resident.Name!));
        Assert.DoesNotContain(subject, attribute => attribute.Oid == "2.5.4.7");
    }

    [Fact]
    public async Task SignatureCertificate_Shape_CarriesBasicAttributes()
    {
        var resident = new ResidentDetails("試験 花子", "東京都千代田区試験町1丁目2番3号", new DateOnly(1985, 3, 14), ResidentSex.Female);
        var card = await simulator.IssueAsync(resident);

        Assert.Equal(JpkiFacts.SignatureIssuer, ReadNameInDerOrder(card.Signature.IssuerName));
        Assert.Equal(JpkiFacts.Sha256WithRsaEncryption, card.Signature.SignatureAlgorithm.Value);
        Assert.Equal(JpkiFacts.KeySize, card.Signature.GetRSAPublicKey()!.KeySize);

        var keyUsage = Assert.Single(card.Signature.Extensions.OfType<X509KeyUsageExtension>());
        Assert.True(keyUsage.Critical);
        Assert.True(keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));
        Assert.True(keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation));

        var subject = ReadNameInDerOrder(card.Signature.SubjectName);
        Assert.Contains(("2.5.4.3", "試験 花子"), subject);
        Assert.Contains(("2.5.4.7", "東京都千代田区試験町1丁目2番3号"), subject);

        var (dateOfBirth, gender) = ReadPersonalData(card.Signature);
        Assert.Equal(new DateOnly(1985, 3, 14), dateOfBirth);
        Assert.Equal("F", gender);
    }

    [Fact]
    public async Task Certificates_BirthdayTomorrow_ExpireAfterFourYears()
    {
        var todayInJapan = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(JpkiFacts.JapanOffset).DateTime);
        var tomorrow = todayInJapan.AddDays(1);
        var dateOfBirth = new DateOnly(1990, tomorrow.Month, tomorrow.Day == 29 && tomorrow.Month == 2 ? 28 : tomorrow.Day);

        var card = await simulator.IssueAsync(new ResidentDetails(null, null, dateOfBirth, null));

        // Tomorrow is the first birthday after issue, so the fifth is four years after it.
        var expected = new DateTimeOffset(new DateOnly(tomorrow.Year + 4, dateOfBirth.Month, dateOfBirth.Day).ToDateTime(new TimeOnly(23, 59, 59)), JpkiFacts.JapanOffset);
        Assert.Equal(expected, new DateTimeOffset(card.Login.NotAfter));
        Assert.Equal(expected, new DateTimeOffset(card.Signature.NotAfter));
    }

    [Fact]
    public async Task Certificates_BirthdayToday_ExpireAfterFiveYears()
    {
        var todayInJapan = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(JpkiFacts.JapanOffset).DateTime);
        Assert.SkipWhen(todayInJapan is { Month: 2, Day: 29 }, "29 February has no birthday in the year five years later.");
        var dateOfBirth = new DateOnly(1990, todayInJapan.Month, todayInJapan.Day);

        var card = await simulator.IssueAsync(new ResidentDetails(null, null, dateOfBirth, null));

        // A birthday on the day of issue is not after the issue, so the first one is next year.
        var expected = new DateTimeOffset(todayInJapan.AddYears(5).ToDateTime(new TimeOnly(23, 59, 59)), JpkiFacts.JapanOffset);
        Assert.Equal(expected, new DateTimeOffset(card.Login.NotAfter));
    }

    [Fact]
    public async Task DistributionPoint_Url_ServesSignedCrl()
    {
        var card = await simulator.IssueAsync();

        foreach (var certificate in new[] { card.Login, card.Signature })
        {
            var url = Assert.Single(ReadDistributionPoints(certificate));
            Assert.Equal(simulator.BaseAddress.Authority, url.Authority);

            var crl = DerRevocationList.Read(await simulator.Http.GetByteArrayAsync(url, TestContext.Current.CancellationToken));
            Assert.Equal(certificate.IssuerName.RawData, crl.Issuer.RawData);
            Assert.Equal(JpkiFacts.Sha256WithRsaEncryption, crl.SignatureAlgorithmOid);
            Assert.True(crl.VerifyWith(await CaCertificateForAsync(url)));
            Assert.True(crl.NextUpdate > crl.ThisUpdate);
        }
    }

    [Fact]
    public async Task IndividualNumber_CheckDigit_IsValid()
    {
        var card = await simulator.IssueAsync();
        var number = card.Response.IndividualNumber;

        Assert.Matches("^[0-9]{12}$", number);
        Assert.Equal(ExpectedCheckDigit(number[..11]), number[11] - '0');
    }

    [Fact]
    public async Task TestOption_Expired_EndsBeforeNow()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(Validity: TestValidity.Expired));

        Assert.True(card.Login.NotAfter < DateTime.Now);
        Assert.True(card.Signature.NotAfter < DateTime.Now);
    }

    [Fact]
    public async Task TestOption_NotYetValid_StartsAfterNow()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(Validity: TestValidity.NotYetValid));

        Assert.True(card.Login.NotBefore > DateTime.Now);
        Assert.True(card.Signature.NotBefore > DateTime.Now);
    }

    [Fact]
    public async Task TestOption_NoDigitalSignature_OmitsKeyUsage()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(OmitDigitalSignatureKeyUsage: true));

        Assert.False(card.Login.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));
        Assert.False(card.Signature.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature));
    }

    [Fact]
    public async Task TestOption_UnknownCa_FailsChainToTrustedCa()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(UnknownCa: true));
        var trusted = X509CertificateLoader.LoadCertificate(await simulator.GetBytesAsync("/ca/login.cer"));

        // Same issuer name as the trusted CA, but another key signed it.
        Assert.Equal(trusted.SubjectName.RawData, card.Login.IssuerName.RawData);
        Assert.False(BuildsChain(card.Login, trusted));

        var normal = await simulator.IssueAsync();
        Assert.True(BuildsChain(normal.Login, trusted));
    }

    [Fact]
    public async Task TestOption_LeadingZeroSerial_EncodesZeroByte()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(SerialNumber: TestSerialNumber.LeadingZeroByte));

        var serial = card.Login.SerialNumberBytes.ToArray();
        Assert.Equal(0x00, serial[0]);
        Assert.True(serial[1] >= 0x80);
    }

    [Fact]
    public async Task TestOption_TwentyByteSerial_HasTwentyOctets()
    {
        var card = await simulator.IssueAsync(options: new TestIssuingOptions(SerialNumber: TestSerialNumber.TwentyBytes));

        var serial = card.Signature.SerialNumberBytes.ToArray();
        Assert.Equal(20, serial.Length);
        Assert.NotEqual(0x00, serial[0]);
    }

    private async Task<X509Certificate2> CaCertificateForAsync(Uri crlUrl)
    {
        var name = Path.GetFileNameWithoutExtension(crlUrl.AbsolutePath);
        return X509CertificateLoader.LoadCertificate(await simulator.GetBytesAsync($"/ca/{name}.cer"));
    }

    private static bool BuildsChain(X509Certificate2 certificate, X509Certificate2 trustAnchor)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustAnchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    // 個人番号の生成に関する総務省令 第5条: weights 6 5 4 3 2 7 6 5 4 3 2; remainder 0 or 1 gives 0.
    private static int ExpectedCheckDigit(string baseDigits)
    {
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var remainder = baseDigits.Select((digit, i) => (digit - '0') * weights[i]).Sum() % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    private static (string Oid, string Value)[] ReadNameInDerOrder(X500DistinguishedName name) =>
        [.. name.EnumerateRelativeDistinguishedNames(reversed: false)
            .Select(rdn => (rdn.GetSingleElementType().Value!, rdn.GetSingleElementValue()!))];

    private static (DateOnly DateOfBirth, string Gender) ReadPersonalData(X509Certificate2 certificate)
    {
        // Subject directory attributes (2.5.29.9) with RFC 3739 dateOfBirth and gender.
        var attributes = new AsnReader(certificate.Extensions["2.5.29.9"]!.RawData, AsnEncodingRules.DER).ReadSequence();
        DateOnly? dateOfBirth = null;
        string? gender = null;
        while (attributes.HasData)
        {
            var attribute = attributes.ReadSequence();
            var type = attribute.ReadObjectIdentifier();
            var values = attribute.ReadSetOf();
            if (type == "1.3.6.1.5.5.7.9.1")
            {
                dateOfBirth = DateOnly.FromDateTime(values.ReadGeneralizedTime().UtcDateTime);
            }
            else if (type == "1.3.6.1.5.5.7.9.3")
            {
                gender = values.ReadCharacterString(UniversalTagNumber.PrintableString);
            }
        }

        return (dateOfBirth!.Value, gender!);
    }

    private static IEnumerable<Uri> ReadDistributionPoints(X509Certificate2 certificate)
    {
        // CRLDistributionPoints -> DistributionPoint -> [0] distributionPoint -> [0] fullName -> [6] URI.
        var points = new AsnReader(certificate.Extensions["2.5.29.31"]!.RawData, AsnEncodingRules.DER).ReadSequence();
        var context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        while (points.HasData)
        {
            var fullName = points.ReadSequence().ReadSequence(context0).ReadSequence(context0);
            yield return new Uri(fullName.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
        }
    }
}
