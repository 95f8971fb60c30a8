using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Jpki.Contracts;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class AccountDetailsTests(PlatformFixture platform)
{
    private const string AccountPath = "/api/identity/account";
    private const string EmailPath = "/api/identity/account/email";

    [Fact]
    public async Task Nickname_Change_StoredAndReturned()
    {
        var token = await LoginAsync(await platform.IssueCardAsync());

        // "か" followed by a combining voiced sound mark is "が" in NFC, the form that is stored.
        using var changed = await SendAsync(HttpMethod.Patch, AccountPath, token, new { nickname = "か\u3099ーる" });
        using var read = await SendAsync(HttpMethod.Get, AccountPath, token);
        var details = await read.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("がーる", details.GetProperty("nickname").GetString());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("email").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Nickname_Empty_Removes(string nickname)
    {
        var token = await LoginAsync(await platform.IssueCardAsync());
        using var set = await SendAsync(HttpMethod.Patch, AccountPath, token, new { nickname = "まいな" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var removed = await SendAsync(HttpMethod.Patch, AccountPath, token, new { nickname });
        var details = await removed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("nickname").ValueKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\u202eなまえ")]
    [InlineData("tab\tname")]
    [InlineData("1234567890123456789012345678901")]
    public async Task Nickname_Invalid_Returns400NamingField(string? nickname)
    {
        var token = await LoginAsync(await platform.IssueCardAsync());

        using var response = await SendAsync(HttpMethod.Patch, AccountPath, token, new { nickname });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "nickname");
    }

    [Fact]
    public async Task Email_WithoutStepUp_Returns403()
    {
        var token = await LoginAsync(await platform.IssueCardAsync());

        using var response = await SendAsync(HttpMethod.Put, EmailPath, token, new { email = "person@example.jp" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "step-up");
        Assert.Equal(StepUpRoutes.Required, problem.GetProperty("reasonCode").GetString());
    }

    [Theory]
    [InlineData("no-at-sign.example.jp")]
    [InlineData("two@@example.jp")]
    [InlineData("space in@example.jp")]
    [InlineData("person@localhost")]
    public async Task Email_Invalid_Returns400NamingField(string email)
    {
        var token = await LoginAsync(await platform.IssueCardAsync());

        using var response = await SendAsync(HttpMethod.Put, EmailPath, token, new { email });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Email_TooLong_Returns400()
    {
        var token = await LoginAsync(await platform.IssueCardAsync());
        var email = $"{new string('a', 64)}@{string.Join('.', Enumerable.Repeat(new string('b', 60), 4))}.jp";

        using var response = await SendAsync(HttpMethod.Put, EmailPath, token, new { email });

        Assert.True(email.Length > 254);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Email_AfterStepUp_ChangedOnce()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);
        var userCode = await StartStepUpAsync(token);

        var stepUp = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", userCode);
        using var first = await SendAsync(HttpMethod.Put, EmailPath, token, new { email = "first@example.jp" });
        using var second = await SendAsync(HttpMethod.Put, EmailPath, token, new { email = "second@example.jp" });
        using var read = await SendAsync(HttpMethod.Get, AccountPath, token);
        var details = await read.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.True(stepUp.ExitCode == 0, stepUp.Error);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.Forbidden, "step-up");
        Assert.Equal("first@example.jp", details.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Email_NewStepUp_AllowsSecondChange()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);

        foreach (var email in new[] { "one@example.jp", "two@example.jp" })
        {
            var stepUp = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", await StartStepUpAsync(token));
            using var response = await SendAsync(HttpMethod.Put, EmailPath, token, new { email });

            Assert.True(stepUp.ExitCode == 0, stepUp.Error);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task StepUp_OtherSession_NotSatisfied()
    {
        var card = await platform.IssueCardAsync();
        var stepUpSession = await LoginAsync(card);
        var otherSession = await LoginAsync(card);

        var stepUp = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", await StartStepUpAsync(stepUpSession));
        using var response = await SendAsync(HttpMethod.Put, EmailPath, otherSession, new { email = "other@example.jp" });

        Assert.True(stepUp.ExitCode == 0, stepUp.Error);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "step-up");
    }

    [Fact]
    public async Task StepUp_OtherPersonsCard_Rejected()
    {
        var token = await LoginAsync(await platform.IssueCardAsync());
        var otherCard = await platform.IssueCardAsync();
        var userCode = await StartStepUpAsync(token);

        var stepUp = await platform.RunCardAsync("step-up", "--card", otherCard, "--pin", "1234", "--code", userCode);
        using var response = await SendAsync(HttpMethod.Put, EmailPath, token, new { email = "stolen@example.jp" });

        Assert.NotEqual(0, stepUp.ExitCode);
        Assert.Contains(StepUpRoutes.PersonMismatch, stepUp.Error);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "step-up");
    }

    [Fact]
    public async Task StepUp_UnknownOrUsedCode_Rejected()
    {
        var card = await platform.IssueCardAsync();
        var token = await LoginAsync(card);
        var userCode = await StartStepUpAsync(token);

        var unknown = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", "BCDFGHJK");
        var first = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", userCode);
        var reused = await platform.RunCardAsync("step-up", "--card", card, "--pin", "1234", "--code", userCode);

        Assert.Contains(StepUpRoutes.CodeInvalid, unknown.Error);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains(StepUpRoutes.CodeInvalid, reused.Error);
    }

    [Fact]
    public async Task StepUp_UnknownCode_Returns400Problem()
    {
        using var client = platform.CreateGatewayClient();
        var request = new StepUpVerificationRequest("BCDFGHJK", "unknown", "AAAA", "AAAA");

        using var response = await client.PostAsJsonAsync(StepUpRoutes.Verification, request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> LoginAsync(string card)
    {
        var login = await platform.RunCardAsync("login", "--card", card, "--pin", "1234");
        Assert.True(login.ExitCode == 0, login.Error);
        return login.LastLine;
    }

    private async Task<string> StartStepUpAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{AccountPath}/step-up", token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        return body.GetProperty("userCode").GetString()!;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string named)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, problem.GetProperty("detail").GetString());
        return problem;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
