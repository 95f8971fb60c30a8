using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.Platform.Testing;
using Xunit;

namespace MynaPlatform.Portal.Tests;

/// <summary>
/// Plays an agency through the public APIs: registers it with the operator, enrolls a card's
/// person, pushes notices and exchange records, and publishes and reads back records about them.
/// </summary>
public sealed class TestAgency
{
    private const string PushPath = "/api/notices/partner/notices";

    private readonly PlatformFixture platform;
    private readonly string token;

    private TestAgency(PlatformFixture platform, string clientId, string token)
    {
        this.platform = platform;
        this.token = token;
        ClientId = clientId;
    }

    /// <summary>The registered agency id, as exchange records and the access-log filter name the agency.</summary>
    public string ClientId { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<TestAgency> RegisterAsync(PlatformFixture platform, string name, params string[] scopes)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/operator/agencies")
        {
            Content = JsonContent.Create(new { displayName = name, localGovernmentCode = (string?)null, scopes = scopes.Length > 0 ? scopes : ["notices:write", "self-info:write"] }),
        }.WithBearer(await platform.GetOperatorTokenAsync());
        using var response = await client.SendAsync(request, Cancellation);
        var registered = await ReadJsonAsync(response, HttpStatusCode.Created);

        var clientId = registered.GetProperty("clientId").GetString()!;
        return new TestAgency(platform, clientId, await platform.GetClientTokenAsync(clientId, registered.GetProperty("clientSecret").GetString()!));
    }

    /// <summary>
    /// Enrolls the person of <paramref name="card"/> with the number on the card and returns the
    /// agency's id for them. The person logs in with the card first, because only a person with an
    /// account can be enrolled.
    /// </summary>
    public async Task<string> EnrollAsync(string card)
    {
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, $"myna-card login failed: {login.Error}");

        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/partner/enrollments")
        {
            Content = JsonContent.Create(new { individualNumber = CardStore.Load(card).IndividualNumber }),
        }.WithBearer(token);
        using var response = await client.SendAsync(request, Cancellation);
        return (await ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("agencyPersonId").GetString()!;
    }

    /// <summary>Pushes a notice, with PDF attachments when named, and returns its id.</summary>
    public async Task<Guid> PushAsync(string recipient, string title, string body, string category, params string[] attachmentNames)
    {
        var notice = JsonSerializer.Serialize(new { recipient, title, body, bodyFormat = "markdown", category });
        HttpContent content = new StringContent(notice, Encoding.UTF8, "application/json");
        if (attachmentNames.Length > 0)
        {
            var form = new MultipartFormDataContent { { content, "notice" } };
            foreach (var name in attachmentNames)
            {
                var file = new ByteArrayContent(Pdf(name));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "attachments", name);
            }

            content = form;
        }

        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath) { Content = content }.WithBearer(token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Cancellation);
        return (await ReadJsonAsync(response, HttpStatusCode.Created)).GetProperty("noticeId").GetGuid();
    }

    /// <summary>Publishes (or replaces) the agency's record <paramref name="recordKey"/> about a person in あなたの情報.</summary>
    public async Task PublishRecordAsync(string recipient, string recordKey, string group, string name, params (string Label, string Value, string? Unit)[] items)
    {
        var record = new
        {
            agencyPersonId = recipient,
            category = new { group, name },
            asOf = "2026-04-01",
            items = items.Select(item => new { label = item.Label, value = item.Value, unit = item.Unit }).ToArray(),
        };

        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/self-info/partner/records/{Uri.EscapeDataString(recordKey)}")
        {
            Content = JsonContent.Create(record),
        }.WithBearer(token);
        using var response = await client.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"publishing {recordKey} returned {(int)response.StatusCode}: {body}");
    }

    /// <summary>Reads back the agency's record <paramref name="recordKey"/>, which the person's access log records.</summary>
    public async Task ReadBackRecordAsync(string recordKey)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/self-info/partner/records/{Uri.EscapeDataString(recordKey)}").WithBearer(token);
        using var response = await client.SendAsync(request, Cancellation);
        await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Records an exchange in which this agency requested <paramref name="dataItems"/> from <paramref name="provider"/>.</summary>
    public async Task PushExchangeAsync(
        string recipient, TestAgency provider, DateTimeOffset providedAt, string administrativeTask, params string[] dataItems)
    {
        var exchange = new
        {
            recordId = Guid.NewGuid().ToString("N"),
            agencyPersonId = recipient,
            requesterAgencyId = ClientId,
            providerAgencyId = provider.ClientId,
            requestedAt = providedAt.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            providedAt = providedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            administrativeTask,
            dataItems,
        };

        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/access-log/partner/exchanges")
        {
            Content = JsonContent.Create(exchange),
        }.WithBearer(token);
        using var response = await client.SendAsync(request, Cancellation);
        await ReadJsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>A small file that passes the notices service's PDF check: the header and the end marker.</summary>
    public static byte[] Pdf(string marker) =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Convert.ToHexString(Encoding.UTF8.GetBytes(marker))}\n{new string(' ', 200)}\n%%EOF\n");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri?.AbsolutePath} returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
