using Microsoft.AspNetCore.WebUtilities;
using MynaPlatform.Portal.Identity;

namespace MynaPlatform.Portal.SelfInfo;

/// <summary>The person's own records at the self-info service, called through the gateway with the session's token.</summary>
public sealed class SelfInfoClient(HttpClient http, IHttpContextAccessor accessor) : PersonApiClient(http, accessor)
{
    private const string Me = "/api/self-info/me";

    public Task<ApiResult<CategoryList>> ListCategoriesAsync(CancellationToken cancellationToken) =>
        SendAsync<CategoryList>(HttpMethod.Get, $"{Me}/categories", null, cancellationToken);

    public Task<ApiResult<PersonRecordList>> ListRecordsAsync(string? group, string? name, CancellationToken cancellationToken) =>
        SendAsync<PersonRecordList>(HttpMethod.Get, QueryHelpers.AddQueryString($"{Me}/records", Query(("group", group), ("name", name))), null, cancellationToken);

    public Task<ApiResult<PersonRecordList>> SearchAsync(string query, CancellationToken cancellationToken) =>
        SendAsync<PersonRecordList>(HttpMethod.Get, QueryHelpers.AddQueryString($"{Me}/search", "q", query), null, cancellationToken);

    /// <summary>Flags a record as not the person's; flagging it again changes nothing.</summary>
    public Task<ApiResult<object>> FlagNotMineAsync(Guid recordId, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, $"{Me}/records/{recordId}/not-mine", null, cancellationToken);

    private static Dictionary<string, string?> Query(params (string Name, string? Value)[] parameters) =>
        parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value)).ToDictionary(parameter => parameter.Name, parameter => parameter.Value);
}
