using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Hosting;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class TokenLifetimeTests(PlatformFixture platform)
{
    private const string SessionPath = "/api/identity/me/session";
    private const string PartnerPath = "/api/identity/partner/client";

    [Fact]
    public async Task TokenRequest_ExpiredChallenge_ReturnsChallengeExpired()
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var gateway = platform.CreateGatewayClient();
        var proof = await JpkiLoginTests.SignChallengeAsync(gateway, card);

        // The identity service's clock cannot be moved while it runs, so the stored expiry is moved instead.
        await ExecuteAsync(
            "UPDATE login_challenges SET ExpiresAtMilliseconds = $expired WHERE ChallengeId = $id",
            ("$expired", DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds()),
            ("$id", proof[LoginRoutes.ChallengeIdParameter]));
        using var response = await gateway.PostAsync(LoginRoutes.Token, JpkiLoginTests.JpkiGrant(proof), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(JpkiReasonCodes.ChallengeExpired, body.GetProperty(JpkiReasonCodes.ProblemExtension).GetString());
    }

    [Fact]
    public async Task SignedToken_PastExpiry_Returns401()
    {
        var genuine = new JsonWebToken(await platform.GetAgencyTokenAsync());
        var key = ReadSigningKey(genuine.Kid);
        using var gateway = platform.CreateGatewayClient();
        using var identity = platform.App.CreateHttpClient(ResourceNames.Identity, ResourceNames.HttpEndpoint);
        var now = DateTime.UtcNow;

        var current = Resign(genuine, key, issuedAt: now.AddMinutes(-1), expires: now.AddMinutes(5));
        var expired = Resign(genuine, key, issuedAt: now.AddMinutes(-20), expires: now.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, PartnerPath, current));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(gateway, PartnerPath, expired));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(identity, PartnerPath, expired));
    }

    [Fact]
    public async Task RefreshToken_IssuesTokenForSameSession()
    {
        var tokens = await LoginAsync();
        using var gateway = platform.CreateGatewayClient();
        using var refreshed = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = LoginRoutes.CardClientId,
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }), TestContext.Current.CancellationToken);
        var renewed = await refreshed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(refreshed.IsSuccessStatusCode, renewed.ToString());

        var first = await SessionAsync(gateway, tokens.GetProperty("access_token").GetString()!);
        var second = await SessionAsync(gateway, renewed.GetProperty("access_token").GetString()!);
        Assert.NotEqual(tokens.GetProperty("access_token").GetString(), renewed.GetProperty("access_token").GetString());
        Assert.Equal(first.GetProperty("personId").GetString(), second.GetProperty("personId").GetString());
        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task Login_StoresRefreshTokenEntryOnly()
    {
        var tokens = await LoginAsync();
        var subject = new JsonWebToken(tokens.GetProperty("access_token").GetString()).Subject;

        var entries = await QueryAsync("SELECT Type FROM OpenIddictTokens WHERE Subject = $subject", ("$subject", subject));
        var entry = Assert.Single(entries);
        Assert.Contains("refresh_token", entry, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync("SELECT Id FROM OpenIddictAuthorizations WHERE Subject = $subject", ("$subject", subject)));
    }

    [Fact]
    public async Task RefreshToken_SignedWithServiceKey()
    {
        var tokens = await LoginAsync();
        var encryptionKey = Convert.FromBase64String(
            (await File.ReadAllTextAsync(Path.Combine(platform.DataDirectory, "identity-keys", "encryption.key"), TestContext.Current.CancellationToken)).Trim());

        var encrypted = new JsonWebToken(tokens.GetProperty("refresh_token").GetString());
        var signed = new JsonWebToken(new JsonWebTokenHandler().DecryptToken(
            encrypted, new TokenValidationParameters { TokenDecryptionKeys = [new SymmetricSecurityKey(encryptionKey)] }));

        Assert.Equal(SecurityAlgorithms.HmacSha256, signed.Alg);
        Assert.Equal(SecurityAlgorithms.RsaSha256, new JsonWebToken(tokens.GetProperty("access_token").GetString()).Alg);
    }

    [Fact]
    public async Task TokenRequest_NoGrantType_JapaneseError()
    {
        using var gateway = platform.CreateGatewayClient();
        using var response = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LoginRoutes.CardClientId,
        }), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal("必須のパラメーター 'grant_type' がありません。'grant_type' を指定してください。", error.GetProperty("error_description").GetString());
        Assert.EndsWith("/ID2029", error.GetProperty("error_uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecret_Wrong_Returns401InJapanese()
    {
        using var gateway = platform.CreateGatewayClient();
        using var response = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "operator-console",
            ["client_secret"] = "wrong-secret",
        }), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.StartsWith("クライアントの認証情報", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Contains("invalid_client", challenge.Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scope")]
    [InlineData("grant_type")]
    public async Task ClientCredentials_RepeatedParameter_Returns400(string repeated)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", "operator-console"),
            new("client_secret", await platform.ParameterValueAsync("operator-client-secret")),
            new("scope", "identity:operator"),
        };
        fields.Add(fields.First(field => field.Key == repeated));
        using var gateway = platform.CreateGatewayClient();
        using var response = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal($"パラメーター '{repeated}' が 2 回以上指定されています。1 回だけ指定してください。", error.GetProperty("error_description").GetString());
        Assert.Equal("https://documentation.openiddict.com/errors/ID2024", error.GetProperty("error_uri").GetString());
        Assert.False(error.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task RefreshToken_Garbled_JapaneseError()
    {
        using var gateway = platform.CreateGatewayClient();
        using var response = await gateway.PostAsync(LoginRoutes.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = LoginRoutes.CardClientId,
            ["refresh_token"] = "not-a-token",
        }), TestContext.Current.CancellationToken);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal("リフレッシュトークンが無効です。ログインし直してください。", error.GetProperty("error_description").GetString());
    }

    private async Task<JsonElement> LoginAsync()
    {
        var card = VirtualCard.Open(await platform.IssueCardAsync());
        using var gateway = platform.CreateGatewayClient();
        var proof = await JpkiLoginTests.SignChallengeAsync(gateway, card);
        using var login = await gateway.PostAsync(LoginRoutes.Token, JpkiLoginTests.JpkiGrant(proof), TestContext.Current.CancellationToken);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(login.IsSuccessStatusCode, tokens.ToString());
        return tokens;
    }

    /// <summary>Signs a copy of a genuine token's claims with new times, as the identity service would.</summary>
    private static string Resign(JsonWebToken genuine, SecurityKey key, DateTime issuedAt, DateTime expires)
    {
        var claims = genuine.Claims
            .Where(claim => claim.Type is not ("exp" or "iat" or "nbf"))
            .GroupBy(claim => claim.Type)
            .ToDictionary(group => group.Key, group => group.Count() == 1 ? (object)group.Single().Value : group.Select(claim => claim.Value).ToArray());

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            TokenType = genuine.Typ,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Reads the identity service's private signing key from its data folder.</summary>
    private SecurityKey ReadSigningKey(string keyId)
    {
        var path = Path.Combine(platform.DataDirectory, "identity-keys", $"signing-{keyId}.json");
        using var file = JsonDocument.Parse(File.ReadAllBytes(path));
        var rsa = RSA.Create();
        rsa.ImportFromPem(file.RootElement.GetProperty("PrivateKeyPem").GetString());
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenTokenStoreAsync();
        await using var command = Command(connection, sql, parameters);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    private async Task<List<string>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenTokenStoreAsync();
        await using var command = Command(connection, sql, parameters);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<SqliteConnection> OpenTokenStoreAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(platform.DataDirectory, "identity-auth.db")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<JsonElement> SessionAsync(HttpClient gateway, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionPath).WithBearer(token);
        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
