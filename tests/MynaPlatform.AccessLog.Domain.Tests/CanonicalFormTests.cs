using System.Text;
using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.Contracts.Access;
using Xunit;

namespace MynaPlatform.AccessLog.Domain.Tests;

/// <summary>
/// Golden vectors, also listed in docs/access-log-verification.md. A change to any of them breaks
/// every verifier already in use, so a failure here means the format version must change instead.
/// </summary>
public sealed class CanonicalFormTests
{
    private const string Salt = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string ChainId = "0123456789abcdef0123456789abcdef";

    private const string ExchangeCanonical =
        """{"administrativeTask":"児童手当法による児童手当の支給に関する事務","dataItems":["地方税関係情報","住民票関係情報"],"kind":"exchange","providedAt":"2025-04-01T00:31:05.000Z","providerAgencyId":"9876543210987654","requestedAt":"2025-04-01T00:30:00.123Z","requesterAgencyId":"1234567890123456","version":1,"withheldUntil":"2026-04-01"}""";

    private const string AccessCanonical =
        """{"accessedAt":"2025-04-02T03:04:05.006Z","accessorId":"operator-0042","accessorKind":"operator","dataCategory":"予防接種","dataItems":[],"kind":"platform-access","purpose":"問い合わせ対応 \"確認\"\u000a","sourceService":"self-info","version":1}""";

    private static ExchangeRecord GoldenExchange() => new(
        "1234567890123456",
        "9876543210987654",
        new DateTimeOffset(2025, 4, 1, 9, 30, 0, 123, TimeSpan.FromHours(9)).AddTicks(4567),
        new DateTimeOffset(2025, 4, 1, 0, 31, 5, TimeSpan.Zero),
        "児童手当法による児童手当の支給に関する事務",
        ["地方税関係情報", "住民票関係情報"],
        new DateOnly(2026, 4, 1));

    private static PlatformAccessRecord GoldenAccess() => PlatformAccessRecord.FromEvent(new PersonDataAccessed(
        Guid.NewGuid(),
        "person-1",
        new Accessor(AccessorKind.Operator, "operator-0042"),
        "予防接種",
        [],
        "問い合わせ対応 \"確認\"\n",
        new DateTimeOffset(2025, 4, 2, 3, 4, 5, 6, TimeSpan.Zero),
        "correlation-1",
        "self-info"));

    [Fact]
    public void ExchangeRecord_Golden_MatchesCanonicalBytes()
    {
        Assert.Equal(ExchangeCanonical, Encoding.UTF8.GetString(GoldenExchange().ToCanonicalBytes()));
    }

    [Fact]
    public void AccessRecord_Golden_MatchesCanonicalBytes()
    {
        Assert.Equal(AccessCanonical, Encoding.UTF8.GetString(GoldenAccess().ToCanonicalBytes()));
    }

    [Fact]
    public void Hashes_GoldenInputs_MatchVectors()
    {
        var genesis = ChainHashing.Genesis(ChainId);
        var exchangeCommitment = ChainHashing.Commitment(Salt, Encoding.UTF8.GetBytes(ExchangeCanonical));
        var accessCommitment = ChainHashing.Commitment(Salt, Encoding.UTF8.GetBytes(AccessCanonical));
        var first = ChainHashing.Entry(genesis, 1, new DateTimeOffset(2025, 4, 1, 0, 35, 0, TimeSpan.Zero), exchangeCommitment);
        var second = ChainHashing.Entry(first, 2, new DateTimeOffset(2025, 4, 2, 3, 4, 6, TimeSpan.Zero), accessCommitment);

        Assert.Equal("609a9ed4a199127a0d140cccbe86b45c2acf3abac60029ad7a1721f352095c3d", genesis);
        Assert.Equal("6b20ad6b002e894d3ca8088bbf77b1e577b6379a8abec775bb3e926c7c9be223", exchangeCommitment);
        Assert.Equal("30da79a3d66056dca8b840484643af88295e9d242bec3590e2072112fd3ca383", accessCommitment);
        Assert.Equal("50a61ac9f3d574f943af40eaa53d4aeda4c9bc47da8cb04dd56ead5d24897a61", first);
        Assert.Equal("141fa2f19b8f16e1ab2a6016e78ac2688168c7a0665117c8488b6ddfd5b805f0", second);
    }

    [Fact]
    public void CanonicalJson_ParsedServedContent_MatchesRecordBytes()
    {
        var served = JsonNode.Parse("""{ "version": 1, "kind": "exchange", "withheldUntil": "2026-04-01", "dataItems": ["地方税関係情報", "住民票関係情報"], "requesterAgencyId": "1234567890123456", "providerAgencyId": "9876543210987654", "requestedAt": "2025-04-01T00:30:00.123Z", "providedAt": "2025-04-01T00:31:05.000Z", "administrativeTask": "\u5150童手当法による児童手当の支給に関する事務" }""")!;

        Assert.Equal(ExchangeCanonical, Encoding.UTF8.GetString(CanonicalJson.Serialize(served)));
    }

    [Theory]
    [InlineData("""{"a":null}""")]
    [InlineData("""{"a":1.5}""")]
    [InlineData("""{"a":1e3}""")]
    [InlineData("""{"a":9007199254740992}""")]
    [InlineData("""{"a-b":1}""")]
    [InlineData("""{"a":"\ud800"}""")]
    public void CanonicalJson_UnrepresentableValue_Throws(string json)
    {
        Assert.Throws<CanonicalFormException>(() => CanonicalJson.Serialize(JsonNode.Parse(json)!));
    }

    [Fact]
    public void ExchangeRecord_JsonRoundTrip_KeepsEveryField()
    {
        var record = GoldenExchange();

        var read = Assert.IsType<ExchangeRecord>(LogRecord.FromJson(record.ToJson()));

        Assert.Equal(record.ToCanonicalBytes(), read.ToCanonicalBytes());
        Assert.Equal(new DateOnly(2026, 4, 1), read.WithheldUntil);
        Assert.Equal(["地方税関係情報", "住民票関係情報"], read.DataItems);
    }

    [Fact]
    public void AccessRecord_FromEvent_CopiesVisibleFields()
    {
        var record = GoldenAccess();

        Assert.Equal(AccessorKind.Operator, record.AccessorKind);
        Assert.Equal("operator-0042", record.AccessorId);
        Assert.Equal("予防接種", record.DataCategory);
        Assert.Empty(record.DataItems);
        Assert.Equal("self-info", record.SourceService);
        Assert.Null(record.WithheldUntil);
        Assert.Equal(record.ToCanonicalBytes(), LogRecord.FromJson(record.ToJson()).ToCanonicalBytes());
    }

    [Fact]
    public void LogRecord_UnknownVersion_IsRejected()
    {
        var json = GoldenExchange().ToJson();
        json["version"] = 2;

        var failure = Assert.Throws<FormatException>(() => LogRecord.FromJson(json));
        Assert.Contains("version 2", failure.Message);
    }
}
