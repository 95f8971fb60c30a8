using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Benchmarks.Login;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Platform;
using MynaPlatform.MynaCard.Simulator;

namespace MynaPlatform.Benchmarks.Platform;

/// <summary>An agency client registered by the operator, with its secret for client-credentials tokens.</summary>
public sealed record RegisteredAgency(string ClientId, string Secret);

/// <summary>A person who logged in with a card issued by the simulator, with the card kept for later logins.</summary>
public sealed record LoggedInPerson(BenchmarkCard Card, string IndividualNumber, string Token);

/// <summary>
/// Calls the platform through its gateway as its users do: the operator registers agencies, an
/// agency gets client-credentials tokens and enrolls persons, and a person logs in with a card.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    /// <summary>Agency tokens are renewed after this long, well within any access-token lifetime the identity service sets.</summary>
    private static readonly TimeSpan ClientTokenRenewal = TimeSpan.FromMinutes(1);

    private readonly PlatformRun _platform;
    private readonly HttpClient _http;
    private readonly SimulatorClient _simulator;
    private readonly LoginClient _login;
    private readonly Dictionary<string, (string Token, Stopwatch Age)> _clientTokens = new(StringComparer.Ordinal);

    public PlatformClient(PlatformRun platform)
    {
        _platform = platform;
        _http = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
        _simulator = new SimulatorClient(platform.SimulatorUrl);
        _login = new LoginClient(platform.GatewayUrl);
    }

    public HttpClient Http => _http;

    /// <summary>Registers an agency client with the given scopes through the operator's API.</summary>
    public async Task<RegisteredAgency> RegisterAgencyAsync(string displayName, IReadOnlyList<string> scopes)
    {
        var operatorToken = await GetClientTokenAsync(_platform.Addresses["OPERATOR_CLIENT_ID"], _platform.Addresses["OPERATOR_CLIENT_SECRET"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/identity/operator/agencies")
        {
            Content = JsonContent.Create(new { displayName, localGovernmentCode = (string?)null, scopes }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        var registered = await ReadJsonAsync(await _http.SendAsync(request), "registering an agency");
        return new RegisteredAgency(registered.GetProperty("clientId").GetString()!, registered.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>Returns a client-credentials token for the client, renewed once it is a minute old.</summary>
    public async Task<string> GetClientTokenAsync(string clientId, string secret)
    {
        if (_clientTokens.TryGetValue(clientId, out var cached) && cached.Age.Elapsed < ClientTokenRenewal)
        {
            return cached.Token;
        }

        using var response = await _http.PostAsync(LoginRoutes.Token.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var token = (await ReadJsonAsync(response, $"the token request of client {clientId}")).GetProperty("access_token").GetString()!;
        _clientTokens[clientId] = (token, Stopwatch.StartNew());
        return token;
    }

    public Task<string> GetClientTokenAsync(RegisteredAgency agency) => GetClientTokenAsync(agency.ClientId, agency.Secret);

    /// <summary>Issues a card at the simulator's counter and logs its holder in, which creates the person's account at the first login.</summary>
    public async Task<LoggedInPerson> IssueAndLogInAsync()
    {
        var card = await BenchmarkCard.IssueAsync(_simulator, CancellationToken.None);
        return new LoggedInPerson(card, card.IndividualNumber, await LogInAsync(card));
    }

    /// <summary>Logs the card's holder in again and returns a fresh access token.</summary>
    public async Task<string> LogInAsync(BenchmarkCard card)
    {
        var tokens = await _login.GetTokensAsync(card.Prove(await _login.GetChallengeAsync(CancellationToken.None)), CancellationToken.None);
        return tokens.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new BenchmarkException("The token endpoint returned no access_token for a card login.");
    }

    /// <summary>Enrolls the person at the agency and returns the agency's own identifier for them.</summary>
    public async Task<string> EnrollAsync(RegisteredAgency agency, string individualNumber)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/identity/partner/enrollments")
        {
            Content = JsonContent.Create(new { individualNumber }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetClientTokenAsync(agency));
        return (await ReadJsonAsync(await _http.SendAsync(request), "an enrollment")).GetProperty("agencyPersonId").GetString()!;
    }

    /// <summary>
    /// Sends a GET, with a bearer token unless <paramref name="token"/> is empty, and returns the JSON
    /// body; any status other than 200 is a benchmark failure.
    /// </summary>
    public Task<JsonElement> GetJsonAsync(string path, string token) => GetJsonAsync(_http, path, token);

    /// <summary>Sends a GET with the bearer <paramref name="token"/> (none when empty) to <paramref name="http"/>'s address and returns the JSON body.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await ReadJsonAsync(await http.SendAsync(request), $"GET {path} from {http.BaseAddress}");
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchmarkException($"{what} returned {(int)response.StatusCode}: {Shorten(body)}");
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static string Shorten(string body) => body.Length <= 500 ? body : body[..500] + "…";

    public void Dispose()
    {
        _http.Dispose();
        _simulator.Dispose();
        _login.Dispose();
    }
}
