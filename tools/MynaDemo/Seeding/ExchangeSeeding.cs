using System.Globalization;
using System.Net;
using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// Records the demo exchanges in the access log, each pushed by its requester under a stable record
/// id. The access log keeps each agency's record ids with the records, so a later push of the same
/// record returns the stored one (200) instead of adding another.
/// </summary>
public sealed class ExchangeSeeding(GatewayClient gateway, DemoText text, TextWriter progress)
{
    private const string ExchangesPath = "/api/access-log/partner/exchanges";

    public async Task<int> EnsureRecordedAsync(IReadOnlyList<AgencySession> agencies, DemoContent content, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var exchange in content.Exchanges)
        {
            var requester = agencies.Single(session => session.Agency == exchange.Requester);
            var provider = agencies.Single(session => session.Agency == exchange.Provider);
            var body = new
            {
                recordId = exchange.RecordId,
                agencyPersonId = requester.PersonId,
                requesterAgencyId = requester.ClientId,
                providerAgencyId = provider.ClientId,
                requestedAt = exchange.RequestedAt.ToString("O", CultureInfo.InvariantCulture),
                providedAt = exchange.ProvidedAt.ToString("O", CultureInfo.InvariantCulture),
                administrativeTask = exchange.AdministrativeTask,
                dataItems = exchange.DataItems,
            };

            var response = await gateway.SendAsync(
                text.Pick($"やりとりの記録「{exchange.AdministrativeTask}」", $"Recording the exchange for {exchange.AdministrativeTask}"),
                HttpMethod.Post, ExchangesPath, requester.Token, body, cancellationToken);
            if (response.Status == HttpStatusCode.Created)
            {
                created++;
            }
        }

        progress.WriteLine(text.Pick(
            $"やりとり履歴: {created} 件を記録しました (記録済み {content.Exchanges.Count - created} 件)",
            $"Access log: recorded {created} exchanges ({content.Exchanges.Count - created} already recorded)"));
        return created;
    }
}
