using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using MynaPlatform.Authentication;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Grpc;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class AgencyTests(PlatformFixture platform)
{
    private const string AgenciesPath = "/api/identity/operator/agencies";
    private const string EnrollmentsPath = "/api/identity/partner/enrollments";

    [Fact]
    public async Task Enrollment_TwoAgencies_DifferentStableIds()
    {
        var (number, personId) = await RegisteredPersonAsync();
        var first = await RegisterAgencyTokenAsync("千代田区", "131016", ["self-info:write"]);
        var second = await RegisterAgencyTokenAsync("日本年金機構", null, ["notices:write"]);

        var firstId = await EnrollAsync(first.Token, number);
        var firstAgain = await EnrollAsync(first.Token, number);
        var secondId = await EnrollAsync(second.Token, number);

        Assert.Matches("^[0-9a-f]{32}$", firstId);
        Assert.Equal(firstId, firstAgain);
        Assert.NotEqual(firstId, secondId);
        Assert.NotEqual(personId, firstId);
        Assert.DoesNotContain(number, firstId);
        Assert.Equal(personId, await ResolveAsync(first.ClientId, firstId));
        Assert.Null(await ResolveAsync(second.ClientId, firstId));
    }

    [Fact]
    public async Task Enrollment_BatchResolve_PerItemResults()
    {
        var (number, personId) = await RegisteredPersonAsync();
        var agency = await RegisterAgencyTokenAsync("札幌市", "011002", ["notices:write"]);
        var agencyPersonId = await EnrollAsync(agency.Token, number);
        var client = new Agencies.AgenciesClient(GrpcChannel.ForAddress(platform.App.GetEndpoint(ResourceNames.Identity, ResourceNames.GrpcEndpoint)));
        var request = new ResolvePersonsRequest { AgencyClientId = agency.ClientId };
        request.AgencyPersonIds.Add(agencyPersonId);
        request.AgencyPersonIds.Add("0123456789abcdef0123456789abcdef");

        var response = await client.ResolvePersonsAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Results.Count);
        Assert.True(response.Results[0].Found);
        Assert.Equal(personId, response.Results[0].PersonId);
        Assert.False(response.Results[1].Found);
    }

    [Fact]
    public async Task Enrollment_NoAccount_Returns404Reason()
    {
        var card = await platform.IssueCardAsync();
        var agency = await RegisterAgencyTokenAsync("横浜市", "141003", ["notices:write"]);

        using var response = await PostAsync(EnrollmentsPath, agency.Token, new { individualNumber = CardStore.Load(card).IndividualNumber });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("person_not_registered", problem.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("12345678901")]
    [InlineData("")]
    public async Task Enrollment_InvalidNumber_Returns400(string number)
    {
        var agency = await RegisterAgencyTokenAsync("那覇市", "472018", ["notices:write"]);

        using var response = await PostAsync(EnrollmentsPath, agency.Token, new { individualNumber = number });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("individualNumber", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("individualNumber", out _), problem.ToString());
    }

    [Theory]
    [InlineData("Chiyoda City", "131016", "notices:write", "displayName")]
    [InlineData("千代田\n区", "131016", "notices:write", "displayName")]
    [InlineData("千代田区\u001b[31m", "131016", "notices:write", "displayName")]
    [InlineData("千代田区\u202eabc", "131016", "notices:write", "displayName")]
    [InlineData("千代田区", "131017", "notices:write", "localGovernmentCode")]
    [InlineData("千代田区", "131016", "identity:operator", "scopes")]
    [InlineData("千代田区", null, "", "scopes")]
    public async Task RegisterAgency_InvalidField_Returns400(string name, string? code, string scope, string field)
    {
        var operatorToken = await platform.GetOperatorTokenAsync();
        string[] scopes = scope.Length == 0 ? [] : [scope];

        using var response = await PostAsync(AgenciesPath, operatorToken, new { displayName = name, localGovernmentCode = code, scopes });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RegisterAgency_ThreeInvalidFields_ListsEach()
    {
        var operatorToken = await platform.GetOperatorTokenAsync();

        using var response = await PostAsync(AgenciesPath, operatorToken, new { displayName = "Chiyoda", localGovernmentCode = "131017", scopes = Array.Empty<string>() });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["displayName", "localGovernmentCode", "scopes"], errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("displayName", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AgencyRoutes_WrongCaller_Returns403()
    {
        var agency = await RegisterAgencyTokenAsync("堺市", "271403", ["notices:write"]);
        var operatorToken = await platform.GetOperatorTokenAsync();
        var card = await platform.IssueCardAsync();
        var person = (await platform.RunCardAsync("login", "--card", card, "--pin", "1234")).LastLine;
        var body = new { displayName = "堺市", localGovernmentCode = "271403", scopes = new[] { "notices:write" } };

        using var agencyOnOperator = await PostAsync(AgenciesPath, agency.Token, body);
        using var operatorOnEnrollment = await PostAsync(EnrollmentsPath, operatorToken, new { individualNumber = "123456789018" });
        using var personOnEnrollment = await PostAsync(EnrollmentsPath, person, new { individualNumber = "123456789018" });

        Assert.Equal(HttpStatusCode.Forbidden, agencyOnOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorOnEnrollment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, personOnEnrollment.StatusCode);
        Assert.Equal(
            $"この API には、スコープ {PlatformScopes.Operator} を持つクライアント (機関や運用者) のアクセストークンが必要です。送られたトークンにはこのスコープがありません。{PlatformScopes.Operator} を指定してトークンを取得し直してください。",
            await DetailAsync(agencyOnOperator));
        Assert.Contains($"スコープ {PlatformScopes.Partner} を持つクライアント", await DetailAsync(operatorOnEnrollment), StringComparison.Ordinal);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString();

    [Fact]
    public async Task RegisteredAgency_TokenHasOnlyItsScopes()
    {
        var agency = await RegisterAgencyTokenAsync("千代田区", "131016", ["self-info:read"]);
        var client = new Agencies.AgenciesClient(GrpcChannel.ForAddress(platform.App.GetEndpoint(ResourceNames.Identity, ResourceNames.GrpcEndpoint)));

        var details = await client.GetAgencyAsync(new GetAgencyRequest { ClientId = agency.ClientId }, cancellationToken: TestContext.Current.CancellationToken);
        var payload = JsonDocument.Parse(Base64UrlDecode(agency.Token.Split('.')[1])).RootElement;

        Assert.Equal("千代田区", details.DisplayName);
        Assert.Equal("131016", details.LocalGovernmentCode);
        Assert.Contains("self-info:read", payload.GetProperty("scope").GetString()!.Split(' '));
        Assert.DoesNotContain("notices:write", payload.GetProperty("scope").GetString()!.Split(' '));
    }

    private async Task<(string Number, string PersonId)> RegisteredPersonAsync()
    {
        var card = await platform.IssueCardAsync();
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me/session").WithBearer(login.LastLine);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (CardStore.Load(card).IndividualNumber, session.GetProperty("personId").GetString()!);
    }

    private async Task<(string ClientId, string Token)> RegisterAgencyTokenAsync(string name, string? code, string[] scopes)
    {
        using var response = await PostAsync(AgenciesPath, await platform.GetOperatorTokenAsync(), new { displayName = name, localGovernmentCode = code, scopes });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Null(response.Headers.Location);
        var registered = JsonDocument.Parse(body).RootElement;
        var clientId = registered.GetProperty("clientId").GetString()!;
        return (clientId, await platform.GetClientTokenAsync(clientId, registered.GetProperty("clientSecret").GetString()!));
    }

    private async Task<string> EnrollAsync(string token, string number)
    {
        using var response = await PostAsync(EnrollmentsPath, token, new { individualNumber = number });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("agencyPersonId").GetString()!;
    }

    private async Task<string?> ResolveAsync(string clientId, string agencyPersonId)
    {
        var client = new Agencies.AgenciesClient(GrpcChannel.ForAddress(platform.App.GetEndpoint(ResourceNames.Identity, ResourceNames.GrpcEndpoint)));
        try
        {
            var response = await client.ResolvePersonAsync(
                new ResolvePersonRequest { AgencyClientId = clientId, AgencyPersonId = agencyPersonId }, cancellationToken: TestContext.Current.CancellationToken);
            return response.PersonId;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, string token, T body)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.WithBearer(token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
