using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>A demo agency logged in with its client credentials, and its own identifier of the resident once enrolled.</summary>
public sealed record AgencySession(DemoAgency Agency, string ClientId, string Token)
{
    public string PersonId { get; init; } = "";
}

/// <summary>
/// Registers the demo agencies through the operator endpoint, or reuses the clients of an earlier
/// run when their saved credentials still get a token, and enrolls the resident at each one once.
/// </summary>
public sealed class AgencySeeding(GatewayClient gateway, DemoState state, DemoText text, TextWriter progress)
{
    private const string RegisterPath = "/api/identity/operator/agencies";
    private const string EnrollPath = "/api/identity/partner/enrollments";

    public async Task<IReadOnlyList<AgencySession>> EnsureRegisteredAsync(string operatorToken, CancellationToken cancellationToken)
    {
        var sessions = new List<AgencySession>();
        foreach (var agency in DemoAgencies.All)
        {
            sessions.Add(await ReuseAsync(agency, cancellationToken) ?? await RegisterAsync(agency, operatorToken, cancellationToken));
        }

        return sessions;
    }

    /// <summary>
    /// Enrolls the resident at every agency that has no saved identifier yet. Each enrollment is
    /// an access event in the person's log, so a saved identifier is never requested again.
    /// </summary>
    public async Task<IReadOnlyList<AgencySession>> EnsureEnrolledAsync(
        IReadOnlyList<AgencySession> sessions, DemoResident resident, CancellationToken cancellationToken)
    {
        var enrolled = new List<AgencySession>();
        foreach (var session in sessions)
        {
            var personId = state.Get(DemoState.PersonIdKey(session.Agency));
            if (personId is null)
            {
                var response = (await gateway.SendAsync(
                    text.Pick($"{session.Agency.DisplayName}での住民の登録", $"Enrolling the resident at {session.Agency.DisplayName}"),
                    HttpMethod.Post, EnrollPath, session.Token, new { individualNumber = resident.ReadIndividualNumber() }, cancellationToken)).Body;
                personId = response.GetProperty("agencyPersonId").GetString()!;
                state.Set(new Dictionary<string, string> { [DemoState.PersonIdKey(session.Agency)] = personId });
                progress.WriteLine(text.Pick($"本人の登録: {session.Agency.DisplayName} が住民を登録しました", $"Enrollment: {session.Agency.DisplayName} enrolled the resident"));
            }

            enrolled.Add(session with { PersonId = personId });
        }

        return enrolled;
    }

    private async Task<AgencySession?> ReuseAsync(DemoAgency agency, CancellationToken cancellationToken)
    {
        if (state.Get(DemoState.ClientIdKey(agency)) is not { } clientId || state.Get(DemoState.ClientSecretKey(agency)) is not { } secret)
        {
            return null;
        }

        if (await gateway.TryGetClientTokenAsync(clientId, secret, cancellationToken) is not { } token)
        {
            progress.WriteLine(text.Pick($"機関: {agency.DisplayName} の保存された認証情報が使えないため、登録し直します", $"Agency: the saved credentials of {agency.DisplayName} were rejected, so it is registered again"));
            return null;
        }

        progress.WriteLine(text.Pick($"機関: {agency.DisplayName} は登録済みです ({clientId})", $"Agency: {agency.DisplayName} is already registered ({clientId})"));
        return new AgencySession(agency, clientId, token);
    }

    private async Task<AgencySession> RegisterAsync(DemoAgency agency, string operatorToken, CancellationToken cancellationToken)
    {
        var registered = (await gateway.SendAsync(
            text.Pick($"機関「{agency.DisplayName}」の登録", $"Registering the agency {agency.DisplayName}"),
            HttpMethod.Post, RegisterPath, operatorToken,
            new { displayName = agency.DisplayName, localGovernmentCode = agency.LocalGovernmentCode, scopes = agency.Scopes },
            cancellationToken)).Body;

        var clientId = registered.GetProperty("clientId").GetString()!;
        var secret = registered.GetProperty("clientSecret").GetString()!;

        // The secret is returned only this once; a new client also means a new identifier of the resident.
        state.Set(new Dictionary<string, string>
        {
            [DemoState.ClientIdKey(agency)] = clientId,
            [DemoState.ClientSecretKey(agency)] = secret,
            [DemoState.PersonIdKey(agency)] = "",
        });
        progress.WriteLine(text.Pick($"機関: {agency.DisplayName} を登録しました ({clientId})", $"Agency: registered {agency.DisplayName} ({clientId})"));

        var token = await gateway.TryGetClientTokenAsync(clientId, secret, cancellationToken)
            ?? throw new DemoException(text.Pick($"登録した機関 {clientId} のトークンを取得できませんでした。", $"The newly registered agency {clientId} could not get a token."));
        return new AgencySession(agency, clientId, token);
    }
}
