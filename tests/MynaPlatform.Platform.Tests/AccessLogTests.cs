using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Data.Sqlite;
using MynaPlatform.AccessLog.Domain.Chain;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Hosting;
using Aspire.Hosting.Testing;
using Xunit;
using static MynaPlatform.Platform.Tests.AccessLogScenario;

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// The access log through the gateway: pushes, events, the person's view and the verifier. The
/// tests of this class run one after another, which the ones that move the service's clock need.
/// </summary>
public sealed class AccessLogTests(PlatformFixture platform)
{
    private const int VerifiedExit = 0;
    private const int ChainInvalidExit = 3;
    private const int HistoryChangedExit = 4;

    private readonly AccessLogScenario scenario = new(platform);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tampering_EditRemoveReorder_FailsAtEntry()
    {
        var (person, _, _) = await PersonWithRecordsAsync(5);
        var chainId = (await scenario.GetJsonAsync(person.Token, $"{Prefix}/chain/head")).GetProperty("chainId").GetString()!;
        var intact = await scenario.VerifyAsync(person, scenario.NewStateFile());
        Assert.True(intact.ExitCode == VerifiedExit, intact.ToString());
        Assert.Equal(6, intact.Json.GetProperty("sequence").GetInt64());

        var content = await ScalarAsync<string>("SELECT content FROM access_log_entries WHERE chain_id = $chain AND sequence = 2", chainId);
        await ExecuteAsync("UPDATE access_log_entries SET content = $value WHERE chain_id = $chain AND sequence = 2", chainId,
            content.Replace("地方税関係情報", "地方税関係情報（改）"));
        var edited = await scenario.VerifyAsync(person, scenario.NewStateFile());
        await ExecuteAsync("UPDATE access_log_entries SET content = $value WHERE chain_id = $chain AND sequence = 2", chainId, content);

        await MoveEntryAsync(chainId, 3, -3);
        var removed = await scenario.VerifyAsync(person, scenario.NewStateFile());
        await MoveEntryAsync(chainId, -3, 3);

        await SwapEntriesAsync(chainId, 3, 4);
        var reordered = await scenario.VerifyAsync(person, scenario.NewStateFile());
        await SwapEntriesAsync(chainId, 3, 4);
        var restored = await scenario.VerifyAsync(person, scenario.NewStateFile());

        Assert.True(edited.ExitCode == ChainInvalidExit, edited.ToString());
        Assert.Equal("CONTENT_MISMATCH", edited.ReasonCode);
        Assert.Equal(2, edited.Sequence);
        Assert.True(removed.ExitCode == ChainInvalidExit, removed.ToString());
        Assert.Equal("ENTRY_MISSING", removed.ReasonCode);
        Assert.Equal(3, removed.Sequence);
        Assert.True(reordered.ExitCode == ChainInvalidExit, reordered.ToString());
        Assert.Equal("ENTRY_HASH_MISMATCH", reordered.ReasonCode);
        Assert.Equal(3, reordered.Sequence);
        Assert.True(restored.ExitCode == VerifiedExit, restored.ToString());
    }

    [Fact]
    public async Task RewrittenHistory_RememberedHead_Detected()
    {
        var (person, caller, provider) = await PersonWithRecordsAsync(2);
        var state = scenario.NewStateFile();
        var first = await scenario.VerifyAsync(person, state);
        Assert.True(first.ExitCode == VerifiedExit, first.ToString());

        // An operator who has the signing key rewrites the last entry (3, after the enrollment's) and signs it again.
        var chainId = first.Json.GetProperty("chainId").GetString()!;
        await RewriteLastEntryAsync(chainId, new ExchangeRecord(
            caller.ClientId, provider.ClientId, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(-4), "書き換えられた事務", ["書き換えられた情報"]));

        var remembered = await scenario.VerifyAsync(person, state);
        var fresh = await scenario.VerifyAsync(person, scenario.NewStateFile());

        Assert.True(remembered.ExitCode == HistoryChangedExit, remembered.ToString());
        Assert.Equal("HISTORY_REWRITTEN", remembered.ReasonCode);
        Assert.Equal(3, remembered.Sequence);
        Assert.True(fresh.ExitCode == VerifiedExit, "A verifier without a remembered head cannot see a re-signed rewrite: " + fresh);
    }

    [Fact]
    public async Task WithheldRecord_RevealedOnItsDate()
    {
        var person = await scenario.PersonAsync();
        var probe = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("厚生労働省");
        var provider = await scenario.AgencyAsync("千代田区", "131016");
        var agencyPersonId = await scenario.EnrollAsync(caller, person);
        var tomorrow = Instants.JapanDate(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await scenario.PushCreatedAsync(caller, Exchange("open-1", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-2)));
        await scenario.PushCreatedAsync(caller, Exchange("withheld-1", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1), withheldUntil: tomorrow));
        var state = scenario.NewStateFile();

        var before = await scenario.GetJsonAsync(person.Token, $"{Prefix}/chain/entries");
        var listBefore = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records");
        var verifiedBefore = await scenario.VerifyAsync(person, state);

        await scenario.SetClockOffsetAsync(probe, TimeSpan.FromDays(1));
        try
        {
            var after = await scenario.GetJsonAsync(person.Token, $"{Prefix}/chain/entries");
            var listAfter = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records");
            var verifiedAfter = await scenario.VerifyAsync(person, state);

            var placeholder = before.GetProperty("entries")[2];
            var revealed = after.GetProperty("entries")[2];
            Assert.False(placeholder.TryGetProperty("content", out _));
            Assert.False(placeholder.TryGetProperty("salt", out _));
            Assert.Equal(2, listBefore.GetProperty("total").GetInt32());
            Assert.True(verifiedBefore.ExitCode == VerifiedExit, verifiedBefore.ToString());
            Assert.Equal(1, verifiedBefore.Json.GetProperty("withheld").GetInt32());

            Assert.Equal(placeholder.GetProperty("commitment").GetString(), revealed.GetProperty("commitment").GetString());
            Assert.Equal(tomorrow, revealed.GetProperty("content").GetProperty("withheldUntil").GetString());
            Assert.Equal(3, listAfter.GetProperty("total").GetInt32());
            Assert.True(verifiedAfter.ExitCode == VerifiedExit, verifiedAfter.ToString());
            Assert.Equal(0, verifiedAfter.Json.GetProperty("withheld").GetInt32());
            Assert.True(verifiedAfter.Json.GetProperty("extendsRemembered").GetBoolean());
        }
        finally
        {
            await scenario.SetClockOffsetAsync(probe, TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Retention_PrunesWithCheckpoint_RestVerifies()
    {
        var person = await scenario.PersonAsync();
        var probe = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("日本年金機構");
        var provider = await scenario.AgencyAsync("大阪市", "271004");
        var state = scenario.NewStateFile();
        string agencyPersonId;

        // Entries 1-4 (the enrollment and three exchanges) are recorded eight years ago, past the 7-year retention.
        var past = TimeSpan.FromDays(-8 * 366);
        await scenario.SetClockOffsetAsync(probe, past);
        try
        {
            agencyPersonId = await scenario.EnrollAsync(caller, person);
            for (var index = 1; index <= 3; index++)
            {
                await scenario.PushCreatedAsync(caller, Exchange($"old-{index}", agencyPersonId, caller, provider, DateTimeOffset.UtcNow + past));
            }

            var old = await scenario.VerifyAsync(person, state);
            Assert.True(old.ExitCode == VerifiedExit, old.ToString());
        }
        finally
        {
            await scenario.SetClockOffsetAsync(probe, TimeSpan.Zero);
        }

        await scenario.PushCreatedAsync(caller, Exchange("new-1", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1)));
        using var run = await scenario.SendAsync(HttpMethod.Post, $"{Prefix}/operator/retention/run", await platform.GetOperatorTokenAsync());
        var retention = JsonDocument.Parse(await run.Content.ReadAsStringAsync(Token)).RootElement;
        var page = await scenario.GetJsonAsync(person.Token, $"{Prefix}/chain/entries");
        var remembered = await scenario.VerifyAsync(person, state);
        var fresh = await scenario.VerifyAsync(person, scenario.NewStateFile());

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.True(retention.GetProperty("entriesRemoved").GetInt32() >= 4);
        Assert.Equal(4, page.GetProperty("checkpoint").GetProperty("sequence").GetInt64());
        Assert.Equal([5L], page.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("sequence").GetInt64()));
        Assert.True(remembered.ExitCode == VerifiedExit, remembered.ToString());
        Assert.True(fresh.ExitCode == VerifiedExit, fresh.ToString());
        Assert.Equal(4, fresh.Json.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(5, fresh.Json.GetProperty("checkedFrom").GetInt64());
    }

    [Theory]
    [InlineData("chain/entries?limit=", "limit")]
    [InlineData("chain/entries?limit=%20", "limit")]
    [InlineData("chain/entries?after=&limit=10", "after")]
    [InlineData("chain/entries?through=abc", "through")]
    [InlineData("me/records?to=9999-12-31", "to")]
    [InlineData("me/records?from=0001-01-01", "from")]
    [InlineData("me/records.csv?to=9999-12-31", "to")]
    public async Task Read_BlankOrInvalidParameter_Returns400(string pathAndQuery, string field)
    {
        var person = await scenario.PersonAsync();

        using var response = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/{pathAndQuery}", person.Token);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Push_SeveralInvalidFields_ListsEach()
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("川崎市", "141305");
        var provider = await scenario.AgencyAsync("地方公共団体情報システム機構");
        var body = Exchange("bad id with spaces", await scenario.EnrollAsync(caller, person), caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1));
        body["requestedAt"] = "yesterday";
        body["withheldUntil"] = "2026/04/01";

        using var response = await scenario.PushAsync(caller, body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["recordId", "requestedAt", "withheldUntil"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal("recordId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RetriedPush_OneRecord_ConflictOnNewContent()
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("横浜市", "141003");
        var provider = await scenario.AgencyAsync("地方公共団体情報システム機構");
        var agencyPersonId = await scenario.EnrollAsync(caller, person);
        var body = Exchange("retry-1", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var first = await scenario.PushAsync(caller, body);
        using var retried = await scenario.PushAsync(caller, body);
        var otherPerson = await scenario.PersonAsync();
        var otherBody = Exchange("retry-1", await scenario.EnrollAsync(caller, otherPerson), caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1));
        using var otherPersonReuse = await scenario.PushAsync(caller, otherBody);
        body["administrativeTask"] = "別の事務";
        using var reused = await scenario.PushAsync(caller, body);
        var list = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?agency={provider.ClientId}");
        var otherList = await scenario.GetJsonAsync(otherPerson.Token, $"{Prefix}/me/records?agency={provider.ClientId}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Null(first.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(
            JsonDocument.Parse(await first.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("recordedAt").GetString(),
            JsonDocument.Parse(await retried.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("recordedAt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, otherPersonReuse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, otherList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DuplicateEvent_OneRecord()
    {
        var person = await scenario.PersonAsync();
        var agency = await scenario.AgencyAsync("品川区", "131091");
        var accessed = AccessEvent(person, agency, "予防接種");
        var messageId = NewId.NextGuid();

        await using (var bus = await StartBusAsync())
        {
            await bus.Publish(accessed, context => context.MessageId = messageId, Token);
            await bus.Publish(accessed, context => context.MessageId = messageId, Token);
            await bus.Publish(accessed, Token);
            await bus.Publish(AccessEvent(person, agency, "税・所得"), Token);
        }

        await Polling.UntilAsync(
            async () => (await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?task=" + Uri.EscapeDataString("確認"))).GetProperty("total").GetInt32() >= 2,
            TimeSpan.FromSeconds(30), "both accesses are recorded");
        var list = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records");
        var categories = list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("dataCategory").GetString()).ToList();

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Single(categories, category => category == "予防接種");
        Assert.Equal(agency.ClientId, list.GetProperty("items")[0].GetProperty("accessor").GetProperty("id").GetString());
        Assert.Equal("品川区", list.GetProperty("items")[0].GetProperty("accessor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ConcurrentPushesAndEvents_OneUnforkedChain()
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("福岡市", "401307");
        var provider = await scenario.AgencyAsync("札幌市", "011002");
        var agencyPersonId = await scenario.EnrollAsync(caller, person);

        await using (var bus = await StartBusAsync())
        {
            var events = Enumerable.Range(0, 6).Select(_ => bus.Publish(AccessEvent(person, caller, "医療保険"), Token));
            var pushes = Enumerable.Range(0, 10).Select(index =>
                scenario.PushCreatedAsync(caller, Exchange($"parallel-{index}", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1))));
            await Task.WhenAll(events.Concat(pushes));
        }

        await Polling.UntilAsync(
            async () => (await scenario.GetJsonAsync(person.Token, $"{Prefix}/chain/head")).GetProperty("sequence").GetInt64() >= 17,
            TimeSpan.FromSeconds(30), "every push and event is recorded");
        var verified = await scenario.VerifyAsync(person, scenario.NewStateFile());

        Assert.True(verified.ExitCode == VerifiedExit, verified.ToString());
        Assert.Equal(17, verified.Json.GetProperty("sequence").GetInt64());
        Assert.Equal(17, verified.Json.GetProperty("entriesChecked").GetInt32());
    }

    [Fact]
    public async Task PersonView_FiltersPagesAndExportsCsv()
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("名古屋市", "231002");
        var provider = await scenario.AgencyAsync("京都市", "261009");
        var other = await scenario.AgencyAsync("神戸市", "281000");
        var agencyPersonId = await scenario.EnrollAsync(caller, person);
        var otherPersonId = await scenario.EnrollAsync(other, person);

        // 2025-04-01T15:30Z is 2025-04-02 00:30 in Japan: the Japan date decides the period.
        var boundary = new DateTimeOffset(2025, 4, 1, 15, 30, 0, TimeSpan.Zero);
        await scenario.PushCreatedAsync(caller, Exchange("view-1", agencyPersonId, caller, provider, boundary));
        await scenario.PushCreatedAsync(caller, Exchange("view-2", agencyPersonId, caller, provider, boundary.AddDays(3), task: "=1+2", items: ["-住民票関係情報", "@地方税"]));
        await scenario.PushCreatedAsync(other, Exchange("view-3", otherPersonId, other, provider, boundary.AddDays(5), task: "生活保護法による保護の決定及び実施に関する事務"));

        var newest = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?pageSize=2");
        var second = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?pageSize=2&page=3");
        var byAgency = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?agency={other.ClientId}");
        var byTask = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?task=" + Uri.EscapeDataString("児童"));
        var onJapanDay = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?from=2025-04-02&to=2025-04-02");
        var dayBefore = await scenario.GetJsonAsync(person.Token, $"{Prefix}/me/records?from=2025-04-01&to=2025-04-01");
        using var csv = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/me/records.csv", person.Token);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Token);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(5, newest.GetProperty("total").GetInt32());
        Assert.Equal([5L, 4L], newest.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt64()));
        Assert.Equal([1L], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt64()));
        Assert.Equal(2, byAgency.GetProperty("total").GetInt32());
        Assert.Equal("神戸市", byAgency.GetProperty("items")[0].GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal(1, byTask.GetProperty("total").GetInt32());
        Assert.Equal(1, onJapanDay.GetProperty("total").GetInt32());
        Assert.Equal("2025-04-02T00:30:00+09:00", onJapanDay.GetProperty("items")[0].GetProperty("providedAt").GetString());
        Assert.Equal(0, dayBefore.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(6, rows.Length);
        Assert.StartsWith("\"番号\",\"記録日時\"", rows[0]);
        Assert.Contains("\"2025/04/02 00:30:00\"", rows[3]);
        Assert.Contains("\"'=1+2\"", rows[2]);
        Assert.Contains("\"'-住民票関係情報、@地方税\"", rows[2]);
    }

    [Fact]
    public async Task Isolation_OtherCallers_SeeNoRecords()
    {
        var (owner, caller, _) = await PersonWithRecordsAsync(1);
        var stranger = await scenario.PersonAsync();
        var operatorToken = await platform.GetOperatorTokenAsync();

        var ownerHead = await scenario.GetJsonAsync(owner.Token, $"{Prefix}/chain/head");
        var strangerHead = await scenario.GetJsonAsync(stranger.Token, $"{Prefix}/chain/head");
        var strangerList = await scenario.GetJsonAsync(stranger.Token, $"{Prefix}/me/records");
        using var agencyList = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/me/records", caller.Token);
        using var operatorList = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/me/records", operatorToken);
        using var operatorEntries = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/chain/entries", operatorToken);
        using var personCounts = await scenario.SendAsync(HttpMethod.Get, $"{Prefix}/operator/counts", owner.Token);
        var counts = await scenario.GetJsonAsync(operatorToken, $"{Prefix}/operator/counts");

        Assert.NotEqual(ownerHead.GetProperty("chainId").GetString(), strangerHead.GetProperty("chainId").GetString());
        Assert.Equal(0, strangerHead.GetProperty("sequence").GetInt64());
        Assert.Equal(0, strangerList.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, agencyList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorEntries.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, personCounts.StatusCode);
        Assert.True(counts.GetProperty("entries").GetInt64() >= 1);
        Assert.Equal(
            ["chains", "checkpoints", "entries", "exchangeEntries", "platformAccessEntries", "withheldEntries"],
            counts.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoggedOutSession_RejectedByService()
    {
        var person = await scenario.PersonAsync();
        using var direct = new HttpClient { BaseAddress = platform.App.GetEndpoint(ResourceNames.AccessLog, ResourceNames.HttpEndpoint) };

        async Task<HttpStatusCode> HeadStatusAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/chain/head").WithBearer(person.Token);
            using var response = await direct.SendAsync(request, Token);
            return response.StatusCode;
        }

        var before = await HeadStatusAsync();
        using var logout = await scenario.SendAsync(HttpMethod.Post, "/api/identity/me/logout", person.Token);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await Polling.UntilAsync(async () => await HeadStatusAsync() == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30),
            "the access-log service itself rejects the ended session's token");
    }

    [Theory]
    [InlineData("recordId", "", 400)]
    [InlineData("requestedAt", "2025-04-01T09:30:00", 400)]
    [InlineData("providedAt", "2099-01-01T00:00:00Z", 400)]
    [InlineData("requestedAt", "0001-01-01T00:00:00Z", 400)]
    [InlineData("administrativeTask", "児童手当\u202Eの支給", 400)]
    [InlineData("withheldUntil", "2026/04/01", 400)]
    [InlineData("agencyPersonId", "0123456789abcdef0123456789abcdef", 404)]
    [InlineData("providerAgencyId", "unregistered-agency", 400)]
    public async Task Push_InvalidField_NamesField(string field, string value, int status)
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("仙台市", "041009");
        var provider = await scenario.AgencyAsync("広島市", "341002");
        var body = Exchange("invalid-1", await scenario.EnrollAsync(caller, person), caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1));
        body[field] = value;

        using var response = await scenario.PushAsync(caller, body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.DoesNotContain($"{field}:", messages[0].GetString());
        Assert.StartsWith(field, problem.GetProperty("detail").GetString());
        Assert.Contains(problem.GetProperty("detail").GetString()!, character => character > '\u3000');
    }

    [Fact]
    public async Task Push_CallerNotParty_Returns403()
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("新潟市", "151009");
        var first = await scenario.AgencyAsync("静岡市", "221007");
        var second = await scenario.AgencyAsync("浜松市", "221309");
        var body = Exchange("not-party-1", await scenario.EnrollAsync(caller, person), first, second, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await scenario.PushAsync(caller, body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("caller_not_party", await response.Content.ReadAsStringAsync(Token));
    }

    private async Task<(Person Person, Agency Caller, Agency Provider)> PersonWithRecordsAsync(int count)
    {
        var person = await scenario.PersonAsync();
        var caller = await scenario.AgencyAsync("千葉市", "121002");
        var provider = await scenario.AgencyAsync("さいたま市", "111007");
        var agencyPersonId = await scenario.EnrollAsync(caller, person);
        for (var index = 1; index <= count; index++)
        {
            await scenario.PushCreatedAsync(caller, Exchange($"record-{index}", agencyPersonId, caller, provider, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        return (person, caller, provider);
    }

    private static PersonDataAccessed AccessEvent(Person person, Agency agency, string category) => new(
        NewId.NextGuid(), person.PersonId, new Accessor(AccessorKind.Agency, agency.ClientId), category, ["接種日"],
        "本人確認のための照会", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), ResourceNames.SelfInfo);

    private async Task<AsyncBus> StartBusAsync()
    {
        var connectionString = await platform.App.GetConnectionStringAsync(ResourceNames.Messaging, Token);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(connectionString!)));
        await bus.StartAsync(Token);
        return new AsyncBus(bus);
    }

    /// <summary>Rewrites the chain's last entry and head with the service's own key, as an operator holding it could.</summary>
    private async Task RewriteLastEntryAsync(string chainId, LogRecord forged)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT k.key_id, k.private_key_pem, c.sequence, e.entry_hash, e.recorded_at
            FROM access_log_chains c
            JOIN access_log_entries e ON e.chain_id = c.chain_id AND e.sequence = c.sequence - 1
            JOIN access_log_signing_keys k ON k.key_id = e.key_id
            WHERE c.chain_id = $chain;
            """;
        read.Parameters.AddWithValue("$chain", chainId);
        await using var reader = await read.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        using var key = ChainSigningKey.FromPem(reader.GetString(0), reader.GetString(1));
        Assert.True(Instants.TryParse(reader.GetString(4), out DateTimeOffset previousAt));
        var tip = new ChainTip(chainId, reader.GetInt64(2) - 1, reader.GetString(3), previousAt);
        await reader.DisposeAsync();

        var rewritten = tip.Append(forged, DateTimeOffset.UtcNow, new ChainSigner(key));
        var entry = rewritten.Entry;
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE access_log_entries SET commitment = $commitment, entry_hash = $hash, signed_at = $signedAt, signature = $signature,
                salt = $salt, content = $content, recorded_at = $recordedAt
            WHERE chain_id = $chain AND sequence = $sequence;
            UPDATE access_log_chains SET head_hash = $hash, recorded_at = $recordedAt, head_signed_at = $signedAt, head_signature = $signature
            WHERE chain_id = $chain;
            """;
        update.Parameters.AddWithValue("$commitment", entry.Commitment);
        update.Parameters.AddWithValue("$hash", entry.EntryHash);
        update.Parameters.AddWithValue("$signedAt", Instants.Format(entry.Signature.SignedAt));
        update.Parameters.AddWithValue("$signature", entry.Signature.Value);
        update.Parameters.AddWithValue("$salt", entry.Content!.Salt);
        update.Parameters.AddWithValue("$content", Encoding.UTF8.GetString(CanonicalJson.Serialize(entry.Content.Record)));
        update.Parameters.AddWithValue("$recordedAt", Instants.Format(entry.RecordedAt));
        update.Parameters.AddWithValue("$chain", chainId);
        update.Parameters.AddWithValue("$sequence", entry.Sequence);
        await update.ExecuteNonQueryAsync(Token);
    }

    private Task MoveEntryAsync(string chainId, long from, long to) => ExecuteAsync(
        $"UPDATE access_log_entries SET sequence = {to} WHERE chain_id = $chain AND sequence = {from}", chainId);

    /// <summary>Swaps two stored entries' sequence numbers, so the chain is served in another order.</summary>
    private async Task SwapEntriesAsync(string chainId, long first, long second)
    {
        await MoveEntryAsync(chainId, first, -first);
        await MoveEntryAsync(chainId, second, first);
        await MoveEntryAsync(chainId, -first, second);
    }

    private async Task ExecuteAsync(string sql, string chainId, string? value = null)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$chain", chainId);
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        Assert.True(await command.ExecuteNonQueryAsync(Token) >= 1, $"The statement changed no row: {sql}");
    }

    private async Task<T> ScalarAsync<T>(string sql, string chainId)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$chain", chainId);
        return (T)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task<SqliteConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = platform.DatabasePath(ResourceNames.AccessLog),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(Token);
        return connection;
    }

    /// <summary>A test's own bus on the platform's broker, stopped on dispose.</summary>
    private sealed class AsyncBus(IBusControl bus) : IAsyncDisposable
    {
        public Task Publish<T>(T message, CancellationToken cancellationToken)
            where T : class => bus.Publish(message, cancellationToken);

        public Task Publish<T>(T message, Action<PublishContext<T>> configure, CancellationToken cancellationToken)
            where T : class => bus.Publish(message, configure, cancellationToken);

        public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None);
    }
}
