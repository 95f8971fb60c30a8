using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.MynaLog.Cli;
using Xunit;

namespace MynaPlatform.MynaLog.Tests;

public sealed class VerifyCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("myna-log-cli-");
    private AccessLogTestServer _server = null!;
    private CliRunner _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AccessLogTestServer.StartAsync();
        _cli = new CliRunner(_folder.FullName, new Dictionary<string, string>
        {
            ["LANG"] = "ja_JP.UTF-8",
            ["HOME"] = _folder.FullName,
            ["MYNA_GATEWAY_URL"] = _server.BaseAddress.AbsoluteUri,
            [VerifyCommand.TokenVariable] = AccessLogTestServer.Token,
        });
    }

    [Fact]
    public async Task Verify_FirstRun_VerifiesAndRemembersHead()
    {
        _server.Append(7);

        var result = await _cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("verified", result.Json.GetProperty("result").GetString());
        Assert.Equal(7, result.Json.GetProperty("entriesChecked").GetInt32());
        Assert.Equal(_server.ChainId, result.Json.GetProperty("chainId").GetString());
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".config", "myna-log", "state.json")));
        Assert.Contains(_server.RequestedPaths, path => path.Contains("after=6&through=7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_SecondRun_FetchesOnlyNewEntries()
    {
        _server.Append(5);
        await _cli.RunAsync("verify");
        _server.Append(2);
        _server.RequestedPaths.Clear();

        var result = await _cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(result.Json.GetProperty("extendsRemembered").GetBoolean());
        Assert.Equal(5, result.Json.GetProperty("rememberedSequence").GetInt64());
        Assert.Equal(3, result.Json.GetProperty("entriesChecked").GetInt32());
        Assert.Contains(_server.RequestedPaths, path => path.Contains("after=4&through=7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_EditedEntry_FailsAtThatEntry()
    {
        _server.Append(5);
        _server.Entries[3].Content!.Record["administrativeTask"] = "別の事務";

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.ChainInvalid, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.ContentMismatch}: 記録 #4", result.Error);
        Assert.Equal(4, result.Json.GetProperty("sequence").GetInt64());
        Assert.False(File.Exists(Path.Combine(_folder.FullName, ".config", "myna-log", "state.json")));
    }

    [Fact]
    public async Task Verify_RemovedEntry_ReportsMissingEntry()
    {
        _server.Append(5);
        _server.Entries.RemoveAt(1);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.ChainInvalid, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.EntryMissing}:", result.Error);
        Assert.Equal(2, result.Json.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_RewrittenHistory_ReportsRewrite()
    {
        _server.Append(5);
        await _cli.RunAsync("verify");
        RewriteFrom(keep: 2, total: 5);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.HistoryChanged, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.HistoryRewritten}:", result.Error);
    }

    [Fact]
    public async Task Verify_ForkedHistory_ReportsFork()
    {
        _server.Append(5);
        await _cli.RunAsync("verify");
        RewriteFrom(keep: 2, total: 8);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.HistoryChanged, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.HistoryForked}:", result.Error);
        Assert.Equal(5, result.Json.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_TruncatedHistory_ReportsTruncation()
    {
        _server.Append(5);
        await _cli.RunAsync("verify");
        RewriteFrom(keep: 3, total: 3);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.HistoryChanged, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.HistoryTruncated}:", result.Error);
    }

    [Fact]
    public async Task Verify_ReplacedPublishedKey_IsRejected()
    {
        _server.Append(2);
        await _cli.RunAsync("verify");
        using var impostor = ChainSigningKey.Generate(_server.Key.KeyId);
        _server.PublishedKeys[0] = impostor.PublicJwk();

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.ChainInvalid, result.ExitCode);
        Assert.StartsWith($"myna-log: {MynaLogReasonCodes.SigningKeyChanged}:", result.Error);
    }

    [Fact]
    public async Task Verify_RotatedKey_ReportsNewKeyId()
    {
        _server.Append(2);
        await _cli.RunAsync("verify");
        using var next = ChainSigningKey.Generate("key-2026");
        _server.Signer = new ChainSigner(next);
        _server.PublishedKeys.Add(next.PublicJwk());
        _server.Append(1);

        var result = await _cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("key-2026", result.Json.GetProperty("newKeyIds")[0].GetString());
    }

    [Fact]
    public async Task Verify_WithheldRecord_RevealedLaterStillMatches()
    {
        _server.Append(1);
        _server.Append(1, withheldUntil: new DateOnly(2025, 10, 1));
        _server.Append(2);
        var first = await _cli.RunAsync("verify");
        _server.Now = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.FromHours(9));
        _server.RequestedPaths.Clear();

        var second = await _cli.RunAsync("verify");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(1, first.Json.GetProperty("withheld").GetInt32());
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(0, second.Json.GetProperty("withheld").GetInt32());
        Assert.Contains(_server.RequestedPaths, path => path.Contains("after=1&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WrongRevealedContent_IsDetected()
    {
        _server.Append(1, withheldUntil: new DateOnly(2025, 10, 1));
        await _cli.RunAsync("verify");
        _server.Now = new DateTimeOffset(2025, 10, 2, 0, 0, 0, TimeSpan.Zero);
        _server.Entries[0].Content!.Record["dataItems"]![0] = "住民票関係情報";

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.ChainInvalid, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.ContentMismatch}:", result.Error);
    }

    [Fact]
    public async Task Verify_PrunedChain_VerifiesFromCheckpoint()
    {
        _server.Append(6);
        _server.Checkpoint = _server.Signer.SignCheckpoint(_server.ChainId, _server.Entries[2], AccessLogTestServer.Start.AddYears(7));
        _server.Entries.RemoveRange(0, 3);

        var result = await _cli.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(3, result.Json.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(4, result.Json.GetProperty("checkedFrom").GetInt64());
    }

    [Fact]
    public async Task Verify_TamperedCheckpoint_IsRejected()
    {
        _server.Append(6);
        var checkpoint = _server.Signer.SignCheckpoint(_server.ChainId, _server.Entries[2], AccessLogTestServer.Start.AddYears(7));
        _server.Checkpoint = checkpoint with { Sequence = 4, EntryHash = _server.Entries[3].EntryHash };
        _server.Entries.RemoveRange(0, 4);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.ChainInvalid, result.ExitCode);
        Assert.StartsWith($"myna-log: {ChainReasonCodes.CheckpointSignatureInvalid}:", result.Error);
    }

    [Fact]
    public async Task Verify_WrongToken_ReturnsRejectedCode()
    {
        var result = await _cli.RunAsync("verify", "--token", "someone-else");

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.StartsWith($"myna-log: {MynaLogReasonCodes.TokenRejected}:", result.Error);
    }

    [Fact]
    public async Task Verify_NoToken_ReturnsUsageCode()
    {
        _cli.Variables.Remove(VerifyCommand.TokenVariable);

        var result = await _cli.RunAsync("verify");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(VerifyCommand.TokenVariable, result.Error);
    }

    [Fact]
    public async Task Verify_PlatformEnvAbove_FindsGateway()
    {
        _cli.Variables.Remove(GatewayResolver.GatewayVariable);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, ".data"));
        File.WriteAllText(Path.Combine(_folder.FullName, ".data", "platform.env"), $"# written by run.sh\nGATEWAY_URL={_server.BaseAddress}\n");
        var nested = Directory.CreateDirectory(Path.Combine(_folder.FullName, "a", "b"));
        _server.Append(1);

        var result = await new CliRunner(nested.FullName, _cli.Variables).RunAsync("verify", "--state", "state.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(nested.FullName, "state.json")));
    }

    [Fact]
    public async Task Verify_NoServer_ReturnsUnreachableCode()
    {
        var result = await _cli.RunAsync("verify", "--gateway", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Endpoint, result.ExitCode);
        Assert.StartsWith($"myna-log: {MynaLogReasonCodes.EndpointUnreachable}:", result.Error);
    }

    [Fact]
    public async Task Help_JapaneseLocale_IsJapanese()
    {
        var result = await _cli.RunAsync("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ハッシュの連鎖と署名を確認します", result.Output);
    }

    [Fact]
    public async Task Help_EnglishLocale_IsEnglish()
    {
        _cli.Variables["LANG"] = "en_US.UTF-8";

        var result = await _cli.RunAsync("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("verifies its hash chain and signatures", result.Output);
    }

    [Fact]
    public async Task UnknownCommand_ReturnsUsageCode()
    {
        var result = await _cli.RunAsync("audit");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"myna-log: {MynaLogReasonCodes.UsageInvalid}:", result.Error);
    }

    /// <summary>Rebuilds the server's chain as an operator with the signing key could: <paramref name="keep"/> entries kept, then new ones up to <paramref name="total"/>.</summary>
    private void RewriteFrom(int keep, int total)
    {
        _server.Entries.RemoveRange(keep, _server.Entries.Count - keep);
        _server.Tip = ChainTip.After(_server.ChainId, _server.Entries[^1]);
        _server.Head = _server.Signer.SignHead(_server.Tip, _server.Tip.RecordedAt!.Value);
        var record = new ExchangeRecord("1234567890123456", "1111222233334444", AccessLogTestServer.Start, AccessLogTestServer.Start,
            "子ども・子育て支援法による教育・保育給付の支給に関する事務", ["住民票関係情報"]);

        for (var sequence = keep + 1; sequence <= total; sequence++)
        {
            var appended = _server.Tip.Append(record, AccessLogTestServer.Start.AddDays(sequence), _server.Signer);
            _server.Entries.Add(appended.Entry);
            _server.Tip = appended.Tip;
            _server.Head = appended.Head;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
