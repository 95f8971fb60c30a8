using System.Text.Json;
using Xunit;

namespace MynaPlatform.Gateway.Tests;

/// <summary>Checks that a response body is the platform's ProblemDetails, written in Japanese.</summary>
public static class ProblemAssert
{
    private const string JapaneseText = @"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]";

    public static void IsJapaneseProblem(int expectedStatus, int status, string? contentType, string body)
    {
        Assert.Equal(expectedStatus, status);
        Assert.StartsWith("application/problem+json", contentType);

        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement;
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
        Assert.Matches(JapaneseText, problem.GetProperty("title").GetString());
        Assert.Matches(JapaneseText, problem.GetProperty("detail").GetString());
    }

    public static async Task IsJapaneseProblemAsync(int expectedStatus, HttpResponseMessage response) =>
        IsJapaneseProblem(
            expectedStatus,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static void IsJapaneseProblem(int expectedStatus, RawHttpResponse response) =>
        IsJapaneseProblem(expectedStatus, response.StatusCode, response.Headers.GetValueOrDefault("Content-Type"), response.Body);
}
