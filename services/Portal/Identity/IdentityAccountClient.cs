namespace MynaPlatform.Portal.Identity;

/// <summary>The person's own account at identity: details, e-mail change with step-up, sessions, login history and logout.</summary>
public sealed class IdentityAccountClient(HttpClient http, IHttpContextAccessor accessor) : PersonApiClient(http, accessor)
{
    private const string Prefix = "/api/identity";

    public Task<ApiResult<OwnSession>> GetOwnSessionAsync(CancellationToken cancellationToken) =>
        SendAsync<OwnSession>(HttpMethod.Get, $"{Prefix}/me/session", null, cancellationToken);

    public Task<ApiResult<AccountDetails>> GetDetailsAsync(CancellationToken cancellationToken) =>
        SendAsync<AccountDetails>(HttpMethod.Get, $"{Prefix}/account/", null, cancellationToken);

    public Task<ApiResult<AccountDetails>> ChangeNicknameAsync(string nickname, CancellationToken cancellationToken) =>
        SendAsync<AccountDetails>(HttpMethod.Patch, $"{Prefix}/account/", new { nickname }, cancellationToken);

    public Task<ApiResult<AccountDetails>> ChangeEmailAsync(string email, CancellationToken cancellationToken) =>
        SendAsync<AccountDetails>(HttpMethod.Put, $"{Prefix}/account/email", new { email }, cancellationToken);

    public Task<ApiResult<StepUpCode>> StartStepUpAsync(CancellationToken cancellationToken) =>
        SendAsync<StepUpCode>(HttpMethod.Post, $"{Prefix}/account/step-up", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<SessionEntry>>> ListSessionsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<SessionEntry>>(HttpMethod.Get, $"{Prefix}/me/sessions", null, cancellationToken);

    public Task<ApiResult<object>> EndSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Delete, $"{Prefix}/me/sessions/{Uri.EscapeDataString(sessionId)}", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<LoginHistoryEntry>>> ListLoginHistoryAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<LoginHistoryEntry>>(HttpMethod.Get, $"{Prefix}/me/login-history", null, cancellationToken);

    public Task<ApiResult<object>> LogoutAsync(CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, $"{Prefix}/me/logout", null, cancellationToken);
}
