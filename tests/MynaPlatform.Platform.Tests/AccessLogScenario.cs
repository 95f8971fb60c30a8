using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using MynaPlatform.Hosting;
using MynaPlatform.MynaCard.Card;
using MynaPlatform.MynaLog.Cli;
using Xunit;

namespace MynaPlatform.Platform.Tests;

/// <summary>People, agencies, pushes and verifier runs for the access-log tests, all through the gateway.</summary>
public sealed class AccessLogScenario(PlatformFixture platform)
{
    public const string Prefix = "/api/access-log";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public PlatformFixture Platform => platform;

    /// <summary>Logs a new card holder in and returns the person's token, PersonId and individual number.</summary>
    public async Task<Person> PersonAsync()
    {
        var card = await platform.IssueCardAsync();
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        var session = await GetJsonAsync(login.LastLine, "/api/identity/me/session");
        return new Person(login.LastLine, session.GetProperty("personId").GetString()!, CardStore.Load(card).IndividualNumber);
    }

    /// <summary>Registers an agency that may push exchange records and returns its client id and token.</summary>
    public async Task<Agency> AgencyAsync(string name, string? code = null)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/operator/agencies")
        {
            Content = JsonContent.Create(new { displayName = name, localGovernmentCode = code, scopes = new[] { "access-log:write" } }),
        }.WithBearer(await platform.GetOperatorTokenAsync());
        using var response = await client.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);

        var registered = JsonDocument.Parse(body).RootElement;
        var clientId = registered.GetProperty("clientId").GetString()!;
        return new Agency(clientId, await platform.GetClientTokenAsync(clientId, registered.GetProperty("clientSecret").GetString()!));
    }

    /// <summary>
    /// Enrolls the person with the agency and waits until the access log has recorded the
    /// enrollment's access event, so the entries a test appends next follow it in the chain.
    /// </summary>
    public async Task<string> EnrollAsync(Agency agency, Person person)
    {
        var before = await HeadSequenceAsync(person);
        using var response = await SendAsync(HttpMethod.Post, "/api/identity/partner/enrollments", agency.Token, new { individualNumber = person.IndividualNumber });
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        await Polling.UntilAsync(async () => await HeadSequenceAsync(person) > before, TimeSpan.FromSeconds(30), "the enrollment is in the access log");
        return JsonDocument.Parse(body).RootElement.GetProperty("agencyPersonId").GetString()!;
    }

    public async Task<long> HeadSequenceAsync(Person person) =>
        (await GetJsonAsync(person.Token, $"{Prefix}/chain/head")).GetProperty("sequence").GetInt64();

    /// <summary>An exchange body in which <paramref name="caller"/> requested data from <paramref name="provider"/>.</summary>
    public static Dictionary<string, object?> Exchange(
        string recordId, string agencyPersonId, Agency caller, Agency provider, DateTimeOffset providedAt,
        string task = "児童手当法による児童手当の支給に関する事務", string[]? items = null, string? withheldUntil = null) => new()
    {
        ["recordId"] = recordId,
        ["agencyPersonId"] = agencyPersonId,
        ["requesterAgencyId"] = caller.ClientId,
        ["providerAgencyId"] = provider.ClientId,
        ["requestedAt"] = providedAt.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
        ["providedAt"] = providedAt.ToString("O", CultureInfo.InvariantCulture),
        ["administrativeTask"] = task,
        ["dataItems"] = items ?? ["地方税関係情報", "住民票関係情報"],
        ["withheldUntil"] = withheldUntil,
    };

    public async Task<HttpResponseMessage> PushAsync(Agency agency, object body) =>
        await SendAsync(HttpMethod.Post, $"{Prefix}/partner/exchanges", agency.Token, body);

    public async Task PushCreatedAsync(Agency agency, object body)
    {
        using var response = await PushAsync(agency, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, Token);
    }

    public async Task<JsonElement> GetJsonAsync(string token, string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Runs <c>myna-log verify</c> through its entry point with its own state file.</summary>
    public async Task<VerifierRun> VerifyAsync(Person person, string stateFile, params string[] options)
    {
        var variables = new Dictionary<string, string>
        {
            ["MYNA_GATEWAY_URL"] = platform.App.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint).AbsoluteUri,
            ["MYNA_ACCESS_TOKEN"] = person.Token,
            ["LANG"] = "C",
        };

        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), platform.DataDirectory);
        string[] args = ["verify", "--state", stateFile, .. options];
        var exitCode = await MynaLogCli.RunAsync(args, environment, Token);
        return new VerifierRun(exitCode, output.ToString(), error.ToString());
    }

    public string NewStateFile() => Path.Combine(platform.DataDirectory, $"myna-log-{Guid.NewGuid():N}.json");

    /// <summary>
    /// Moves the access log's clock by <paramref name="offset"/> and waits until the service uses it,
    /// seen in the signing time of an empty chain's head, which is signed when it is read.
    /// </summary>
    public async Task SetClockOffsetAsync(Person probe, TimeSpan offset)
    {
        await PlatformFixture.WriteClockOffsetAsync(platform.AccessLogClockFile, offset);

        await Polling.UntilAsync(async () =>
        {
            var head = await GetJsonAsync(probe.Token, $"{Prefix}/chain/head");
            var signedAt = DateTimeOffset.Parse(head.GetProperty("signedAt").GetString()!, CultureInfo.InvariantCulture);
            return (signedAt - (DateTimeOffset.UtcNow + offset)).Duration() < TimeSpan.FromMinutes(1);
        }, TimeSpan.FromSeconds(30), $"the access log's clock is moved by {offset}");
    }

    public sealed record Person(string Token, string PersonId, string IndividualNumber);

    public sealed record Agency(string ClientId, string Token);
}

public sealed record VerifierRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public string? ReasonCode => Json.TryGetProperty("reasonCode", out var code) ? code.GetString() : null;

    public long? Sequence => Json.TryGetProperty("sequence", out var sequence) && sequence.ValueKind == JsonValueKind.Number ? sequence.GetInt64() : null;

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
