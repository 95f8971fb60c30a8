using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using MynaPlatform.Jpki;
using MynaPlatform.Portal.Errors;
using MynaPlatform.Portal.Sessions;

namespace MynaPlatform.Portal.Identity;

/// <summary>
/// Sends the person's requests through the gateway with the session's access token. A 401 means
/// the session ended at identity, so it throws <see cref="SessionExpiredException"/>; a rejected
/// request comes back as an <see cref="ApiProblem"/>; any other failure throws.
/// </summary>
public class PersonApiClient(HttpClient http, IHttpContextAccessor accessor)
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, async (response, token) =>
            response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(Json, token), cancellationToken);

    protected async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, Func<HttpResponseMessage, CancellationToken, Task<T?>> read, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, path);
        var context = accessor.HttpContext ?? throw new InvalidOperationException("A person's API call needs the current request.");
        var token = await context.GetTokenAsync(SessionTokens.AccessToken) ?? throw new SessionExpiredException();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request, completion, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SessionExpiredException();
        }

        if (response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(await read(response, cancellationToken), null);
        }

        if ((int)response.StatusCode is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return new ApiResult<T>(default, await ReadProblemAsync(response, cancellationToken));
        }

        throw new HttpRequestException($"{method} {path} failed with status {(int)response.StatusCode}.", null, response.StatusCode);
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        string? Text(string name) => problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var fieldErrors = new Dictionary<string, string>();
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var error in errors.EnumerateObject())
            {
                var first = error.Value.ValueKind == JsonValueKind.Array ? error.Value.EnumerateArray().FirstOrDefault() : default;
                fieldErrors[error.Name] = first.ValueKind == JsonValueKind.String ? first.GetString()! : "";
            }
        }

        return new ApiProblem((int)response.StatusCode, Text("title"), Text("detail"), Text(JpkiReasonCodes.ProblemExtension)) { Errors = fieldErrors };
    }
}
