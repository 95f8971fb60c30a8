using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// Calls the platform's public APIs through the gateway, as an agency or a person would. A call
/// that fails raises <see cref="DemoException"/> with the action, the status and the service's
/// own explanation (the ProblemDetails <c>detail</c>).
/// </summary>
public sealed class GatewayClient(Uri gateway, DemoText text) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient http = new() { BaseAddress = gateway, Timeout = RequestTimeout };

    /// <summary>Gets a client-credentials token; returns null when identity rejects the client or its secret.</summary>
    public async Task<string?> TryGetClientTokenAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LoginRoutes.Token)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            }),
        };
        var (status, body) = await SendRawAsync(request, cancellationToken);
        if (status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && ErrorCode(body) == "invalid_client")
        {
            return null;
        }

        EnsureSuccess(text.Pick($"クライアント {clientId} のトークン取得", $"Getting a token for client {clientId}"), status, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
    }

    /// <summary>Sends a request with a bearer token and a JSON body (when given) and returns the status and the JSON body.</summary>
    public async Task<ApiResponse> SendAsync(
        string action, HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var (status, content) = await SendRawAsync(request, cancellationToken);
        EnsureSuccess(action, status, content);
        return new ApiResponse(status, content.Length == 0 ? default : JsonDocument.Parse(content).RootElement.Clone());
    }

    public void Dispose() => http.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException failure)
        {
            throw new DemoException(
                text.Pick(
                    $"プラットフォーム ({gateway}) に接続できません。./run.sh で起動し、「MynaPlatform が起動しました」と表示されてから実行してください。",
                    $"Cannot connect to the platform at {gateway}. Start it with ./run.sh and run this after it prints \"MynaPlatform is running\"."),
                platformUnreachable: true, failure);
        }
        catch (TaskCanceledException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DemoException(
                text.Pick(
                    $"{request.RequestUri} が {RequestTimeout.TotalSeconds:0} 秒以内に応答しませんでした。ダッシュボードで各サービスの状態を確認してください。",
                    $"{request.RequestUri} did not respond within {RequestTimeout.TotalSeconds:0} s. Check the services in the dashboard."),
                inner: failure);
        }
    }

    private void EnsureSuccess(string action, HttpStatusCode status, string body)
    {
        if ((int)status is >= 200 and < 300)
        {
            return;
        }

        var detail = Detail(body) ?? body;
        throw new DemoException(text.Pick($"{action}に失敗しました (HTTP {(int)status}): {detail}", $"{action} failed (HTTP {(int)status}): {detail}"));
    }

    private static string? Detail(string body) => Property(body, "detail") ?? Property(body, "error_description");

    private static string? ErrorCode(string body) => Property(body, "error");

    private static string? Property(string body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A successful response: its status code and its JSON body (undefined when the body was empty).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body);
