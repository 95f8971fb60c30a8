using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace MynaPlatform.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    private static void MapEndpoints(WebApplication app)
    {
        app.MapPost("/items", (ItemRequest request) => TypedResults.Ok(request));
        app.MapGet("/broken", string () => throw new InvalidOperationException("secret internal detail"));
        app.MapPost("/small", (ItemRequest request) => TypedResults.Ok(request)).WithMetadata(new RequestSizeLimitAttribute(16));
    }

    [Fact]
    public async Task MalformedJson_FieldOfWrongType_Returns400NamingField()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, """{"title": "x", "count": "many"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadProblemAsync(response);
        Assert.Contains("count", problem.GetProperty("detail").GetString());
        Assert.Contains("count", problem.GetProperty("errors").GetProperty("count")[0].GetString());
        Assert.Equal("count", problem.GetProperty("field").GetString());
        Assert.Equal("invalid_request", problem.GetProperty("reason").GetString());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData("""{"title": 5, "count": 1}""", "title", "文字列 (")]
    [InlineData("""{"title": "x", "count": "many"}""", "count", "範囲内の整数")]
    [InlineData("""{"title": "x", "count": 99999999999}""", "count", "範囲内の整数")]
    [InlineData("""{"title": "x", "count": 1, "tags": "a"}""", "tags", "配列 ([ ... ])")]
    [InlineData("""{"title": "x", "count": 1, "urgent": "yes"}""", "urgent", "真偽値")]
    public async Task WrongType_NamesExpectedType(string json, string field, string expected)
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReadProblemAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains($"{expected}", message, StringComparison.Ordinal);
        Assert.Contains("で指定してください", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotJson_Returns400ForWholeRequest()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Contains("リクエストの JSON", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("''", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"title": "x", "count": 1, "sender": "偽機関"}""", "sender", "この API にありません")]
    [InlineData("""{"title": "x", "title": "y", "count": 1}""", "title", "2 回以上")]
    public async Task StrictBody_UnknownOrRepeatedMember_Returns400NamingIt(string json, string field, string text)
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains($"'{field}'", message, StringComparison.Ordinal);
        Assert.Contains(text, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedJson_Returns400ForWholeRequestWithPosition()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, """{"title":""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty("$")[0].GetString();
        Assert.Contains("1 行目", message, StringComparison.Ordinal);
        Assert.Contains("JSON の書式", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyBody_Returns400SayingBodyMissing()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Contains("本文がありません", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _), problem.ToString());
    }

    [Fact]
    public async Task UnhandledException_Returns500WithoutDetails()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await service.Client.GetAsync("/broken", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("secret internal detail", body);
        Assert.Equal("サーバー内部でエラーが発生しました。", (await ReadProblemAsync(response, body)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=Shift_JIS")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/merge-patch+json; charset=iso-8859-1")]
    public async Task JsonInOtherCharset_Returns415(string contentType)
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, """{"title": "x", "count": 1}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal("本文の文字コードに対応していません。", problem.GetProperty("title").GetString());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task BodyNotJson_Returns415NamingJson(string contentType)
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, """{"title": "x", "count": 1}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal("本文の形式に対応していません。", problem.GetProperty("title").GetString());
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=utf8")]
    public async Task JsonInUtf8_IsRead(string contentType)
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await PostItemAsync(service, """{"title": "x", "count": 1}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverLimit_Returns413InJapanese()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await service.Client.PostAsync(
            "/small", new StringContent("""{"title": "長い本文の件名", "count": 1}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal("リクエストの本文が大きすぎます。", problem.GetProperty("title").GetString());
        Assert.Equal("本文を小さくするか、複数のリクエストに分けて送り直してください。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await service.Client.GetAsync("/nowhere", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Equal("指定されたアドレスは存在しません。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WrongMethod_Returns405InJapanese()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var response = await service.Client.DeleteAsync("/items", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal("この HTTP メソッドは使えません。", problem.GetProperty("title").GetString());
        Assert.NotNull(problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProblemWithOwnTitle_KeepsIt()
    {
        await using var service = await TestService.StartAsync(app =>
            app.MapGet("/own", () => TypedResults.Problem(statusCode: 409, title: "既に登録されています。")));

        using var response = await service.Client.GetAsync("/own", TestContext.Current.CancellationToken);

        var problem = await ReadProblemAsync(response);
        Assert.Equal("既に登録されています。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task HealthEndpoints_Running_Return200()
    {
        await using var service = await TestService.StartAsync(MapEndpoints);

        using var health = await service.Client.GetAsync("/health", TestContext.Current.CancellationToken);
        using var alive = await service.Client.GetAsync("/alive", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    private static Task<HttpResponseMessage> PostItemAsync(TestService service, string json, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return service.Client.PostAsync("/items", content, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, string? body = null)
    {
        body ??= await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement;
    }

    private sealed record ItemRequest(string Title, int Count, IReadOnlyList<string>? Tags = null, bool? Urgent = null);
}
