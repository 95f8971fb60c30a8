using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MynaPlatform.Hosting;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests.Notices;

/// <summary>An agency client registered for a test, with a token that carries <c>notices:write</c>.</summary>
public sealed record TestAgency(string ClientId, string Token);

/// <summary>A person with an account and a token, known to one agency by <see cref="Recipient"/>.</summary>
public sealed record TestPerson(string Token, string Recipient, string IndividualNumber);

/// <summary>Agencies, people and calls to the notices API through the gateway.</summary>
public static class NoticeTestKit
{
    public const string PushPath = "/api/notices/partner/notices";
    public const string BatchPath = "/api/notices/partner/notices/batch";
    public const string InboxPath = "/api/notices/inbox";

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<TestAgency> RegisterAgencyAsync(this PlatformFixture platform, string name)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/operator/agencies")
        {
            Content = JsonContent.Create(new { displayName = name, localGovernmentCode = (string?)null, scopes = new[] { "notices:write" } }),
        }.WithBearer(await platform.GetOperatorTokenAsync());
        using var response = await client.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);

        var registered = JsonDocument.Parse(body).RootElement;
        var clientId = registered.GetProperty("clientId").GetString()!;
        return new TestAgency(clientId, await platform.GetClientTokenAsync(clientId, registered.GetProperty("clientSecret").GetString()!));
    }

    /// <summary>Issues a card, logs the person in and enrolls them at the agency.</summary>
    public static async Task<TestPerson> RegisterPersonAsync(this PlatformFixture platform, TestAgency agency)
    {
        var card = await platform.IssueCardAsync();
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        var number = CardStore.Load(card).IndividualNumber;
        return new TestPerson(login.LastLine, await platform.EnrollAsync(agency, number), number);
    }

    /// <summary>Enrolls the person at a second agency and returns that agency's identifier for them.</summary>
    public static Task<string> EnrollSamePersonAsync(this PlatformFixture platform, TestPerson person, TestAgency agency) =>
        platform.EnrollAsync(agency, person.IndividualNumber);

    public static async Task<string> EnrollAsync(this PlatformFixture platform, TestAgency agency, string individualNumber)
    {
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/identity/partner/enrollments", agency.Token,
            JsonContent.Create(new { individualNumber }));
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("agencyPersonId").GetString()!;
    }

    public static object Notice(string recipient, string title = "住民税の納付のお知らせ", string body = "令和8年度の住民税について、納付書をお送りします。",
        string category = "tax", string? publishAt = null) =>
        new { recipient, title, body, category, publishAt };

    public static Task<HttpResponseMessage> PushAsync(this PlatformFixture platform, TestAgency agency, object notice, string? key = null) =>
        platform.SendAsync(HttpMethod.Post, PushPath, agency.Token, JsonContent.Create(notice), key ?? NewKey());

    public static Task<HttpResponseMessage> PushBatchAsync(this PlatformFixture platform, TestAgency agency, IEnumerable<object> items, string? key = null) =>
        platform.SendAsync(HttpMethod.Post, BatchPath, agency.Token, JsonContent.Create(new { items }), key ?? NewKey());

    /// <summary>Pushes one notice and returns its id; fails the test unless the push returns 201.</summary>
    public static async Task<Guid> PushNoticeAsync(this PlatformFixture platform, TestAgency agency, object notice)
    {
        using var response = await platform.PushAsync(agency, notice);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("noticeId").GetGuid();
    }

    public static async Task<JsonElement> GetJsonAsync(this PlatformFixture platform, string path, string token)
    {
        using var response = await platform.SendAsync(HttpMethod.Get, path, token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Returns the notice ids of the person's inbox for a query string such as <c>?category=tax</c>.</summary>
    public static async Task<List<Guid>> InboxIdsAsync(this PlatformFixture platform, TestPerson person, string query = "")
    {
        var page = await platform.GetJsonAsync(InboxPath + query, person.Token);
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("noticeId").GetGuid())];
    }

    public static async Task<HttpResponseMessage> SendAsync(
        this PlatformFixture platform, HttpMethod method, string path, string token, HttpContent? content = null, string? idempotencyKey = null)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path) { Content = content }.WithBearer(token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Token);
    }

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>Reads the problem's <c>detail</c>, failing with the whole body when the status differs.</summary>
    public static async Task<string> ProblemDetailAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>Runs a query on the notices service's SQLite file and returns the first column of each row.</summary>
    public static async Task<List<string?>> QueryNoticesDatabaseAsync(this PlatformFixture platform, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = platform.DatabasePath(ResourceNames.Notices),
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    /// <summary>Returns the outbox events of one notice as "type:sent" pairs, oldest first.</summary>
    public static async Task<List<string?>> NoticeEventsAsync(this PlatformFixture platform, Guid noticeId) =>
        await platform.QueryNoticesDatabaseAsync("""
            SELECT substr(message_type, 1, instr(message_type, ',') - 1) || ':' || CASE WHEN sent_at IS NULL THEN 'pending' ELSE 'sent' END
            FROM outbox_messages WHERE aggregate_id = $id ORDER BY sequence;
            """, ("$id", noticeId.ToString()));
}
