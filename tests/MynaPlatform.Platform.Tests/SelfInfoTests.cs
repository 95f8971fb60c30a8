using System.Net;
using System.Text.Json;
using MynaPlatform.Contracts.Access;
using Xunit;
using static MynaPlatform.Platform.Tests.SelfInfoParties;

namespace MynaPlatform.Platform.Tests;

/// <summary>あなたの情報 through the gateway: publishing, versions, read-back events, flags and search.</summary>
public sealed class SelfInfoTests(PlatformFixture platform)
{
    private const string Write = "self-info:write";
    private const string Read = "self-info:read";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Publish_ChangedRecord_KeepsPreviousVersion()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("千代田区");
        var first = RecordBody(agencyPersonId, "健康・医療", "予防接種", "2026-04-01", ("ワクチン", "麻しん風しん混合", null), ("接種回数", "1", "回"));
        var second = RecordBody(agencyPersonId, "健康・医療", "予防接種", "2026-05-01", ("ワクチン", "麻しん風しん混合", null), ("接種回数", "2", "回"));

        var created = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/vaccination-1", agency.Token, first);
        var updated = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/vaccination-1", agency.Token, second);
        var repeated = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/vaccination-1", agency.Token, second);
        var history = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/records/vaccination-1", agency.Token);
        var own = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records", person.Token);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(1, created.Body.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(2, updated.Body.GetProperty("version").GetInt32());
        Assert.Equal("new_version", updated.Body.GetProperty("result").GetString());
        Assert.Equal("unchanged", repeated.Body.GetProperty("result").GetString());
        Assert.Equal(2, repeated.Body.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, history.Status);
        var versions = history.Body.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(version => version.GetProperty("version").GetInt32()));
        Assert.Equal("1", versions[1].GetProperty("items")[1].GetProperty("value").GetString());
        Assert.Equal("2026-04-01", versions[1].GetProperty("asOf").GetString());

        var record = Assert.Single(own.Body.GetProperty("records").EnumerateArray());
        Assert.Equal(2, record.GetProperty("version").GetInt32());
        Assert.Equal("千代田区", record.GetProperty("agencyName").GetString());
        Assert.Equal("2", record.GetProperty("items")[1].GetProperty("value").GetString());
        Assert.Equal("回", record.GetProperty("items")[1].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task ReadBack_EachRead_EmitsExactlyOneAccessEvent()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("札幌市");
        await PublishAsync(agency, "tax-2025", RecordBody(agencyPersonId, "税・所得・口座", "税・所得", "2026-06-01", ("課税所得", "3500000", "円")));
        await PublishAsync(agency, "allowance-2026", RecordBody(agencyPersonId, "子ども・子育て", "児童手当", "2026-06-01", ("支給月額", "10000", "円")));
        Assert.Empty(await platform.AccessEventsAsync(person.PersonId));

        for (var read = 0; read < 3; read++)
        {
            var list = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{agencyPersonId}/records", agency.Token);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Equal(2, list.Body.GetProperty("records").GetArrayLength());
            Assert.Equal(read + 1, (await platform.AccessEventsAsync(person.PersonId)).Count);
        }

        var history = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/records/tax-2025", agency.Token);
        Assert.Equal(HttpStatusCode.OK, history.Status);

        // The person's own reads are not access events.
        await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records", person.Token);
        await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/categories", person.Token);
        await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("手当")}", person.Token);

        var events = await platform.AccessEventsAsync(person.PersonId);
        Assert.Equal(4, events.Count);
        Assert.Equal(4, events.Select(accessed => accessed.Body.GetProperty("accessId").GetGuid()).Distinct().Count());
        Assert.All(events, accessed =>
        {
            Assert.Equal(person.PersonId, accessed.Body.GetProperty("personId").GetString());
            Assert.Equal((int)AccessorKind.Agency, accessed.Body.GetProperty("accessor").GetProperty("kind").GetInt32());
            Assert.Equal(agency.ClientId, accessed.Body.GetProperty("accessor").GetProperty("id").GetString());
            Assert.Equal("self-info", accessed.Body.GetProperty("sourceService").GetString());
        });
        Assert.Equal("税・所得、児童手当", events[0].Body.GetProperty("dataCategory").GetString());
        Assert.Equivalent(new[] { "課税所得", "支給月額" }, events[0].Body.GetProperty("dataItems").EnumerateArray().Select(item => item.GetString()).ToArray());
        Assert.Equal("税・所得", events[3].Body.GetProperty("dataCategory").GetString());
        Assert.DoesNotContain("3500000", events[3].Body.GetRawText());

        await Polling.UntilAsync(async () => (await platform.AccessEventsAsync(person.PersonId)).All(accessed => accessed.Sent),
            PublishTimeout, "the outbox published every access event to the broker");
    }

    [Fact]
    public async Task NotMine_HidesRecordFromAgencyAtOnce()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("横浜市");
        var recordId = await PublishAsync(agency, "checkup-1",
            RecordBody(agencyPersonId, "健康・医療", "特定健診・後期高齢者健診", "2026-03-01", ("受診日", "2026-02-20", null), ("腹囲", "85", "cm")));
        await PublishAsync(agency, "checkup-2", RecordBody(agencyPersonId, "健康・医療", "検診", "2026-03-01", ("検診名", "胃がん検診", null)));

        var flagged = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/me/records/{recordId}/not-mine", person.Token);
        var again = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/me/records/{recordId}/not-mine", person.Token);
        var readBack = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{agencyPersonId}/records", agency.Token);
        var history = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/records/checkup-1", agency.Token);
        var own = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records/{recordId}", person.Token);
        var search = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("腹囲")}", person.Token);

        Assert.Equal(HttpStatusCode.Created, flagged.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(flagged.Body.GetProperty("flagId").GetGuid(), again.Body.GetProperty("flagId").GetGuid());
        var visible = Assert.Single(readBack.Body.GetProperty("records").EnumerateArray());
        Assert.Equal("checkup-2", visible.GetProperty("recordKey").GetString());
        Assert.Equal(HttpStatusCode.Conflict, history.Status);
        Assert.Equal("record_under_review", history.Body.GetProperty("reason").GetString());
        Assert.Equal("under_review", own.Body.GetProperty("status").GetString());
        Assert.False(own.Body.TryGetProperty("items", out var items) && items.ValueKind != JsonValueKind.Null);
        Assert.Empty(search.Body.GetProperty("records").EnumerateArray());

        // The read-back named only checkup-2, and the refused history read emitted nothing.
        var accessed = Assert.Single(await platform.AccessEventsAsync(person.PersonId));
        Assert.Equal("検診", accessed.Body.GetProperty("dataCategory").GetString());
    }

    [Fact]
    public async Task AgencyFlags_CorrectionResolvesFlag()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("堺市");
        var recordId = await PublishAsync(agency, "pension-1", RecordBody(agencyPersonId, "年金", "年金", "2026-04-01", ("年金額", "780000", "円")));
        var flag = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/me/records/{recordId}/not-mine", person.Token);
        var flagId = flag.Body.GetProperty("flagId").GetGuid();

        var open = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/flags", agency.Token);
        var listed = Assert.Single(open.Body.GetProperty("flags").EnumerateArray());
        var correction = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/pension-1", agency.Token,
            RecordBody(agencyPersonId, "年金", "年金", "2026-04-01", ("年金額", "795000", "円")));
        var afterwards = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/flags", agency.Token);
        var own = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records/{recordId}", person.Token);
        var readBack = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{agencyPersonId}/records", agency.Token);

        Assert.Equal(flagId, listed.GetProperty("flagId").GetGuid());
        Assert.Equal("pension-1", listed.GetProperty("recordKey").GetString());
        Assert.Equal(agencyPersonId, listed.GetProperty("agencyPersonId").GetString());
        Assert.False(listed.TryGetProperty("items", out _));
        Assert.Equal("new_version", correction.Body.GetProperty("result").GetString());
        Assert.Empty(afterwards.Body.GetProperty("flags").EnumerateArray());
        Assert.Equal("published", own.Body.GetProperty("status").GetString());
        Assert.Equal("795000", own.Body.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Single(readBack.Body.GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task Operator_ReadAndClearFlag_EmitsEventAndShowsRecord()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("那覇市");
        var recordId = await PublishAsync(agency, "household-1", RecordBody(agencyPersonId, "世帯情報", "世帯情報", "2026-04-01", ("世帯人数", "3", "人")));
        var flag = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/me/records/{recordId}/not-mine", person.Token);
        var flagId = flag.Body.GetProperty("flagId").GetGuid();
        var operatorToken = await platform.GetOperatorTokenAsync();

        var missingReason = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/operator/persons/{person.PersonId}/records", operatorToken);
        var underReview = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/operator/persons/{person.PersonId}/records?reason={Uri.EscapeDataString("問い合わせ対応")}", operatorToken);
        var listed = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/operator/flags", operatorToken);
        var cleared = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/operator/flags/{flagId}/clear", operatorToken, new { reason = "本人の記録と確認した" });
        var clearedAgain = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/operator/flags/{flagId}/clear", operatorToken, new { reason = "二度目" });
        var afterClear = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/operator/persons/{person.PersonId}/records?reason={Uri.EscapeDataString("問い合わせ対応")}", operatorToken);
        var own = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records/{recordId}", person.Token);

        Assert.Equal(HttpStatusCode.BadRequest, missingReason.Status);
        Assert.StartsWith("reason", missingReason.Body.GetProperty("detail").GetString());
        Assert.Equal("under_review", Assert.Single(underReview.Body.GetProperty("records").EnumerateArray()).GetProperty("status").GetString());
        Assert.Contains(listed.Body.GetProperty("flags").EnumerateArray(), listedFlag => listedFlag.GetProperty("flagId").GetGuid() == flagId);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(HttpStatusCode.NotFound, clearedAgain.Status);
        Assert.Equal("3", Assert.Single(afterClear.Body.GetProperty("records").EnumerateArray()).GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal("published", own.Body.GetProperty("status").GetString());

        // Only the read that showed data is an access event, and it names the operator and the reason.
        var accessed = Assert.Single(await platform.AccessEventsAsync(person.PersonId));
        Assert.Equal((int)AccessorKind.Operator, accessed.Body.GetProperty("accessor").GetProperty("kind").GetInt32());
        Assert.Equal(TokenClient.OperatorClientId, accessed.Body.GetProperty("accessor").GetProperty("id").GetString());
        Assert.Equal("問い合わせ対応", accessed.Body.GetProperty("purpose").GetString());
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    public async Task Operator_MalformedPersonId_Returns400(string personId)
    {
        var operatorToken = await platform.GetOperatorTokenAsync();

        var response = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/operator/persons/{personId}/records?reason={Uri.EscapeDataString("問い合わせ対応")}", operatorToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("personId", response.Body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("問い合わせ対応\u202E")]
    [InlineData("問い合わせ\u2028対応")]
    public async Task Operator_ReasonWithDirectionMark_Returns400(string reason)
    {
        var operatorToken = await platform.GetOperatorTokenAsync();

        var response = await platform.CallAsync(
            HttpMethod.Get, $"{Prefix}/operator/persons/0123456789abcdef0123456789abcdef/records?reason={Uri.EscapeDataString(reason)}", operatorToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("reason", response.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_GroupedAmount_MatchesBothForms()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("国税庁");
        var plainId = await PublishAsync(agency, "tax-plain", RecordBody(agencyPersonId, "税・所得・口座", "税・所得", "2026-06-01", ("課税所得", "4350000", "円")));
        var groupedId = await PublishAsync(agency, "tax-grouped", RecordBody(agencyPersonId, "税・所得・口座", "税・所得", "2026-06-02", ("住民税額", "4,350,000", "円")));

        var grouped = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("4,350,000")}", person.Token);
        var fullWidth = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("４，３５０，０００")}", person.Token);
        var plain = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q=4350000", person.Token);

        Assert.Equal(HttpStatusCode.OK, grouped.Status);
        Assert.Equal([groupedId, plainId], RecordIds(grouped.Body));
        Assert.Equal([groupedId, plainId], RecordIds(fullWidth.Body));
        Assert.Equal([plainId], RecordIds(plain.Body));
    }

    [Fact]
    public async Task Search_TwoCharacterQuery_MatchesNormalisedText()
    {
        var (agency, person, agencyPersonId) = await EnrolledAsync("日本年金機構");
        await PublishAsync(agency, "pension-2", RecordBody(agencyPersonId, "年金", "年金その他", "2026-04-01", ("ﾈﾝｷﾝ種別", "老齢基礎年金", null)));
        await PublishAsync(agency, "account-1", RecordBody(agencyPersonId, "税・所得・口座", "公金受取口座", "2026-04-01", ("口座", "登録済み", null)));

        var twoCharacters = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("年金")}", person.Token);
        var folded = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q={Uri.EscapeDataString("ねんきん")}", person.Token);
        var empty = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/search?q=%20", person.Token);
        var categories = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/categories", person.Token);
        var oneCategory = await platform.CallAsync(HttpMethod.Get,
            $"{Prefix}/me/records?group={Uri.EscapeDataString("税・所得・口座")}&name={Uri.EscapeDataString("公金受取口座")}", person.Token);

        Assert.Equal(2, twoCharacters.Body.GetProperty("records").GetArrayLength());
        Assert.Equal("年金その他", Assert.Single(folded.Body.GetProperty("records").EnumerateArray()).GetProperty("category").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.StartsWith("q", empty.Body.GetProperty("detail").GetString());
        var counted = categories.Body.GetProperty("categories").EnumerateArray().Where(category => category.GetProperty("recordCount").GetInt32() > 0);
        Assert.Equivalent(new[] { "公金受取口座", "年金その他" }, counted.Select(category => category.GetProperty("name").GetString()).ToArray());
        Assert.Equal(25, categories.Body.GetProperty("categories").GetArrayLength());
        Assert.Single(oneCategory.Body.GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("健康・医療", "インフルエンザ", "2026-04-01", "label", "category.name")]
    [InlineData("医療", "予防接種", "2026-04-01", "label", "category.group")]
    [InlineData("健康・医療", "予防接種", "2026/04/01", "label", "asOf")]
    [InlineData("健康・医療", "予防接種", "2999-01-01", "label", "asOf")]
    [InlineData("健康・医療", "予防接種", "2026-04-01", "", "items[0].label")]
    public async Task Publish_InvalidField_Returns400NamingIt(string group, string name, string asOf, string label, string field)
    {
        var (agency, _, agencyPersonId) = await EnrolledAsync("新宿区");

        var response = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/invalid-1", agency.Token,
            RecordBody(agencyPersonId, group, name, asOf, (label, "値", null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith($"{field}:", response.Body.GetProperty("detail").GetString());
        Assert.True(response.Body.GetProperty("errors").TryGetProperty(field, out _));
        if (field == "category.name")
        {
            Assert.Contains(name, response.Body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Publish_BadRequests_Return4xxNever500()
    {
        var (agency, _, agencyPersonId) = await EnrolledAsync("千代田区");
        var valid = RecordBody(agencyPersonId, "健康・医療", "予防接種", "2026-04-01", ("ワクチン", "BCG", null));

        var unknownPerson = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/bad-1", agency.Token,
            RecordBody("0123456789abcdef0123456789abcdef", "健康・医療", "予防接種", "2026-04-01", ("ワクチン", "BCG", null)));
        var badKey = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/{Uri.EscapeDataString("鍵")}", agency.Token, valid);
        var noItems = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/bad-2", agency.Token,
            new { agencyPersonId, category = new { group = "年金", name = "年金" }, asOf = "2026-04-01", items = Array.Empty<object>() });
        var wrongType = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/bad-3", agency.Token,
            new { agencyPersonId, category = "年金", asOf = "2026-04-01" });
        var unknownRecord = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/records/never-published", agency.Token);

        Assert.Equal(HttpStatusCode.NotFound, unknownPerson.Status);
        Assert.Equal("person_not_enrolled", unknownPerson.Body.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKey.Status);
        Assert.StartsWith("recordKey:", badKey.Body.GetProperty("detail").GetString());
        Assert.StartsWith("items:", noItems.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Contains("category", wrongType.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownRecord.Status);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryRoute()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.GetAsync($"{Prefix}/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.All(SelfInfoRoutes.Read(), route => Assert.Contains(route.Pattern, paths));
    }

    /// <summary>Returns the ids of a record list in the order listed.</summary>
    private static Guid[] RecordIds(JsonElement body) =>
        [.. body.GetProperty("records").EnumerateArray().Select(record => record.GetProperty("recordId").GetGuid())];

    private async Task<(TestAgency Agency, TestPerson Person, string AgencyPersonId)> EnrolledAsync(string agencyName)
    {
        var agency = await platform.RegisterAgencyAsync(agencyName, Write, Read);
        var person = await platform.RegisterPersonAsync();
        return (agency, person, await platform.EnrollAsync(agency, person));
    }

    private async Task<Guid> PublishAsync(TestAgency agency, string recordKey, object body)
    {
        var response = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/{recordKey}", agency.Token, body);
        Assert.True(response.Status is HttpStatusCode.Created or HttpStatusCode.OK, response.Body.GetRawText());
        return response.Body.GetProperty("recordId").GetGuid();
    }
}
