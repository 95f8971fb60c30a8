using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MynaPlatform.Hosting;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

/// <summary>A person with an account: the card's individual number, the PersonId and a login token.</summary>
public sealed record TestPerson(string IndividualNumber, string PersonId, string Token);

/// <summary>An agency registered by the operator, with a token for its scopes.</summary>
public sealed record TestAgency(string ClientId, string Token);

/// <summary>An access event as the self-info service wrote it into its outbox.</summary>
public sealed record OutboxAccessEvent(Guid MessageId, JsonElement Body, bool Sent);

/// <summary>
/// The parties of the self-information tests, created through the gateway as real callers do, and
/// the self-info service's outbox, read from its SQLite file.
/// </summary>
public static class SelfInfoParties
{
    public const string Prefix = "/api/self-info";
    private const string AccessEventType = "MynaPlatform.Contracts.Access.PersonDataAccessed, MynaPlatform.Contracts";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<TestPerson> RegisterPersonAsync(this PlatformFixture platform)
    {
        var card = await platform.IssueCardAsync();
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);

        using var response = await platform.SendAsync(HttpMethod.Get, "/api/identity/me/session", login.LastLine);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return new TestPerson(CardStore.Load(card).IndividualNumber, session.GetProperty("personId").GetString()!, login.LastLine);
    }

    public static async Task<TestAgency> RegisterAgencyAsync(this PlatformFixture platform, string displayName, params string[] scopes)
    {
        var body = new { displayName, localGovernmentCode = (string?)null, scopes };
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/identity/operator/agencies", await platform.GetOperatorTokenAsync(), body);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);

        var registered = JsonDocument.Parse(text).RootElement;
        var clientId = registered.GetProperty("clientId").GetString()!;
        return new TestAgency(clientId, await platform.GetClientTokenAsync(clientId, registered.GetProperty("clientSecret").GetString()!));
    }

    /// <summary>Returns the agency's own identifier for the person.</summary>
    public static async Task<string> EnrollAsync(this PlatformFixture platform, TestAgency agency, TestPerson person)
    {
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/identity/partner/enrollments", agency.Token,
            new { individualNumber = person.IndividualNumber });
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("agencyPersonId").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(this PlatformFixture platform, HttpMethod method, string path, string token, object? body = null)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, Token);
    }

    /// <summary>Sends the request and returns the status and the parsed body (an empty object for an empty body).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(
        this PlatformFixture platform, HttpMethod method, string path, string token, object? body = null)
    {
        using var response = await platform.SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static object RecordBody(string agencyPersonId, string group, string name, string asOf, params (string Label, string Value, string? Unit)[] items) =>
        new
        {
            agencyPersonId,
            category = new { group, name },
            asOf,
            items = items.Select(item => new { label = item.Label, value = item.Value, unit = item.Unit }).ToArray(),
        };

    /// <summary>Every access event about the person in the self-info outbox, in write order.</summary>
    public static async Task<IReadOnlyList<OutboxAccessEvent>> AccessEventsAsync(this PlatformFixture platform, string personId)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = platform.DatabasePath(ResourceNames.SelfInfo), Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT message_id, body, sent_at FROM outbox_messages
            WHERE aggregate_id = $personId AND message_type = $type ORDER BY sequence;
            """;
        command.Parameters.AddWithValue("$personId", personId);
        command.Parameters.AddWithValue("$type", AccessEventType);

        var events = new List<OutboxAccessEvent>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            events.Add(new OutboxAccessEvent(Guid.Parse(reader.GetString(0)), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone(), !reader.IsDBNull(2)));
        }

        return events;
    }
}
