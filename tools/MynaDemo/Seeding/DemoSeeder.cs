using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>What a run left in place: where to log in, and what this run added.</summary>
/// <param name="Agencies">Each demo agency's client id, by agency key.</param>
/// <param name="Content">What the agencies send and publish, as of the resident's card.</param>
public sealed record DemoResult(
    Uri Portal, string CardPath, string Pin, IReadOnlyDictionary<string, string> Agencies, DemoContent Content,
    int NoticesSent, int RecordsPublished, int ExchangesRecorded, bool ReadBack);

/// <summary>
/// Plays the counterparties of a running platform through its public APIs only. The operator
/// registers the demo agencies, and a fictitious resident gets a card and logs in. The agencies
/// then enroll the resident, send notices, publish records, record exchanges and read back once.
/// Every step first looks at what exists, so a second run adds nothing.
/// </summary>
public sealed class DemoSeeder(DemoSettings settings, DemoText text, TextWriter progress)
{
    private const string LogoutPath = "/api/identity/me/logout";

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        using var gateway = new GatewayClient(settings.Gateway, text);
        var state = new DemoState(settings.EnvFilePath);

        var operatorToken = await gateway.TryGetClientTokenAsync(settings.OperatorClientId, settings.OperatorClientSecret, cancellationToken)
            ?? throw new DemoException(text.Pick(
                $"運用担当者のクライアント {settings.OperatorClientId} の認証情報が受け付けられませんでした。{settings.EnvFilePath} がいま動いているプラットフォームのものか確認してください。",
                $"The credentials of the operator client {settings.OperatorClientId} were rejected. Check that {settings.EnvFilePath} belongs to the running platform."));
        var agencySeeding = new AgencySeeding(gateway, state, text, progress);
        var agencies = await agencySeeding.EnsureRegisteredAsync(operatorToken, cancellationToken);

        var residents = new ResidentSeeding(settings, state, new CardTool(settings, text), text, progress);
        var resident = await residents.EnsureCardAsync(cancellationToken);
        var personToken = await residents.LoginAsync(resident, cancellationToken);
        progress.WriteLine(text.Pick("住民: カードでログインしました", "Resident: logged in with the card"));

        try
        {
            agencies = await agencySeeding.EnsureEnrolledAsync(agencies, resident, cancellationToken);
            var content = new DemoContent(resident.IssuedOn);
            var notices = await new NoticeSeeding(gateway, settings, text, progress).EnsureSentAsync(agencies, content, cancellationToken);
            var records = await new RecordSeeding(gateway, text, progress).EnsurePublishedAsync(agencies, content, cancellationToken);
            var exchanges = await new ExchangeSeeding(gateway, text, progress).EnsureRecordedAsync(agencies, content, cancellationToken);
            var readBack = await new ReadBackSeeding(gateway, settings, text, progress).EnsureReadBackAsync(agencies, personToken, cancellationToken);

            return new DemoResult(
                settings.Portal, resident.CardPath, resident.Pin,
                agencies.ToDictionary(session => session.Agency.Key, session => session.ClientId),
                content,
                notices, records, exchanges, readBack);
        }
        finally
        {
            await LogOutAsync(gateway, personToken);
        }
    }

    /// <summary>Ends the seeder's session of the resident, so the person's device list shows only their own logins.</summary>
    private async Task LogOutAsync(GatewayClient gateway, string personToken)
    {
        try
        {
            await gateway.SendAsync(text.Pick("住民のログアウト", "Logging the resident out"), HttpMethod.Post, LogoutPath, personToken, null, CancellationToken.None);
        }
        catch (DemoException failure)
        {
            // Reported but not raised, so that it never hides the failure that ended the run.
            progress.WriteLine(failure.Message);
        }
    }
}
