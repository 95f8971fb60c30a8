using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class InboxSearchTests(PlatformFixture platform)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    [Fact]
    public async Task Search_WidthAndKana_FindSameNotices()
    {
        var agency = await platform.RegisterAgencyAsync("日本年金機構");
        var person = await platform.RegisterPersonAsync(agency);
        var pension = await platform.PushNoticeAsync(agency, Notice(person.Recipient, title: "ねんきん定期便", body: "保険料の納付状況です。", category: "pension"));
        var tax = await platform.PushNoticeAsync(agency, Notice(person.Recipient, title: "令和８年度（２０２６年度）住民税の決定", body: "税額をお知らせします。"));
        var health = await platform.PushNoticeAsync(agency, Notice(person.Recipient, title: "ＡＢＣ検診のご案内", body: "年金手帳は不要です。", category: "health"));

        Assert.Equal([pension], await platform.InboxIdsAsync(person, "?q=" + Uri.EscapeDataString("ﾈﾝｷﾝ")));
        Assert.Equal([pension], await platform.InboxIdsAsync(person, "?q=" + Uri.EscapeDataString("ネンキン")));
        Assert.Equal([tax], await platform.InboxIdsAsync(person, "?q=2026"));
        Assert.Equal([tax], await platform.InboxIdsAsync(person, "?q=" + Uri.EscapeDataString("２０２６")));
        Assert.Equal([health], await platform.InboxIdsAsync(person, "?q=" + Uri.EscapeDataString("年金")));
        Assert.Equal([health], await platform.InboxIdsAsync(person, "?q=abc"));
        Assert.Empty(await platform.InboxIdsAsync(person, "?q=" + Uri.EscapeDataString("100%")));
    }

    [Fact]
    public async Task Filters_CategoryAgencyReadArchive_Narrow()
    {
        var city = await platform.RegisterAgencyAsync("横浜市");
        var pensionService = await platform.RegisterAgencyAsync("年金事務所");
        var person = await platform.RegisterPersonAsync(city);
        var recipientAtPension = await platform.EnrollSamePersonAsync(person, pensionService);
        var tax = await platform.PushNoticeAsync(city, Notice(person.Recipient, category: "tax"));
        var health = await platform.PushNoticeAsync(city, Notice(person.Recipient, category: "health"));
        var pension = await platform.PushNoticeAsync(pensionService, Notice(recipientAtPension, category: "pension"));
        await platform.GetJsonAsync($"{InboxPath}/{tax}", person.Token);

        Assert.Equal([pension, health, tax], await platform.InboxIdsAsync(person));
        Assert.Equal([health], await platform.InboxIdsAsync(person, "?category=health"));
        Assert.Equal([pension], await platform.InboxIdsAsync(person, $"?agency={pensionService.ClientId}"));
        Assert.Equal([tax], await platform.InboxIdsAsync(person, "?read=true"));
        Assert.Equal([pension, health], await platform.InboxIdsAsync(person, "?read=false"));
        Assert.Equal([health], await platform.InboxIdsAsync(person, "?pageSize=1&page=2"));

        using var archived = await platform.SendAsync(HttpMethod.Put, $"{InboxPath}/{health}/archive", person.Token);
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        Assert.Equal([pension, tax], await platform.InboxIdsAsync(person));
        Assert.Equal([health], await platform.InboxIdsAsync(person, "?archived=true"));
        Assert.Equal(1, (await platform.GetJsonAsync($"{InboxPath}/unread-count", person.Token)).GetProperty("unreadCount").GetInt32());

        using var restored = await platform.SendAsync(HttpMethod.Delete, $"{InboxPath}/{health}/archive", person.Token);
        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Equal([pension, health, tax], await platform.InboxIdsAsync(person));
    }

    /// <summary>
    /// The notices service runs under TZ=Asia/Tokyo in this fixture while this process keeps the
    /// machine's zone. The storage tests run the same query under TZ=UTC and TZ=Asia/Tokyo.
    /// </summary>
    [Fact]
    public async Task Period_JapanDates_IncludeBothEnds()
    {
        var agency = await platform.RegisterAgencyAsync("那覇市");
        var person = await platform.RegisterPersonAsync(agency);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(JapanOffset).DateTime);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), JapanOffset);
        var startOfToday = await platform.PushNoticeAsync(agency, Notice(person.Recipient, publishAt: midnight.ToString("yyyy-MM-dd'T'HH:mm:sszzz")));
        var endOfYesterday = await platform.PushNoticeAsync(agency, Notice(person.Recipient, publishAt: midnight.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz")));
        var yesterday = today.AddDays(-1);

        Assert.Equal([endOfYesterday], await platform.InboxIdsAsync(person, $"?from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}"));
        Assert.Equal([startOfToday], await platform.InboxIdsAsync(person, $"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Equal([startOfToday, endOfYesterday], await platform.InboxIdsAsync(person, $"?from={yesterday:yyyy-MM-dd}"));
        Assert.Equal([endOfYesterday], await platform.InboxIdsAsync(person, $"?to={yesterday:yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?from=2026-04-02&to=2026-04-01", "to")]
    [InlineData("?category=lottery", "category")]
    [InlineData("?read=yes", "read")]
    [InlineData("?pageSize=1000", "pageSize")]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string parameter)
    {
        var agency = await platform.RegisterAgencyAsync("那覇市");
        var person = await platform.RegisterPersonAsync(agency);

        using var response = await platform.SendAsync(HttpMethod.Get, InboxPath + query, person.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"（{parameter}）", problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }
}
