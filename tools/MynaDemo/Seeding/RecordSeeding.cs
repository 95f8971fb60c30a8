using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// Publishes the demo records of あなたの情報 under stable record keys, so the self-info service
/// finds equal content unchanged. A record that the person flagged as not theirs is left alone:
/// publishing it again would store a new version and close the person's flag.
/// </summary>
public sealed class RecordSeeding(GatewayClient gateway, DemoText text, TextWriter progress)
{
    private const string PartnerPath = "/api/self-info/partner";

    public async Task<int> EnsurePublishedAsync(IReadOnlyList<AgencySession> agencies, DemoContent content, CancellationToken cancellationToken)
    {
        var stored = 0;
        var unchanged = 0;
        var underReview = 0;
        foreach (var session in agencies)
        {
            var records = content.Records.Where(record => record.Provider == session.Agency).ToList();
            if (records.Count == 0)
            {
                continue;
            }

            var flagged = await ListFlaggedKeysAsync(session, cancellationToken);
            foreach (var record in records)
            {
                if (flagged.Contains(record.RecordKey))
                {
                    underReview++;
                }
                else if (await PublishAsync(session, record, cancellationToken) == "unchanged")
                {
                    unchanged++;
                }
                else
                {
                    stored++;
                }
            }
        }

        progress.WriteLine(text.Pick(
            $"あなたの情報: {stored} 件を登録しました (登録済み {unchanged} 件、本人の申し出で確認中 {underReview} 件)",
            $"Self-information: published {stored} records ({unchanged} unchanged, {underReview} flagged by the person)"));
        return stored;
    }

    private async Task<HashSet<string>> ListFlaggedKeysAsync(AgencySession session, CancellationToken cancellationToken)
    {
        var response = (await gateway.SendAsync(
            text.Pick($"{session.Agency.DisplayName}の確認依頼の一覧の取得", $"Listing the flags on the records of {session.Agency.DisplayName}"),
            HttpMethod.Get, $"{PartnerPath}/flags", session.Token, null, cancellationToken)).Body;
        return [.. response.GetProperty("flags").EnumerateArray().Select(flag => flag.GetProperty("recordKey").GetString()!)];
    }

    /// <summary>Publishes one record and returns the service's result: created, new_version or unchanged.</summary>
    private async Task<string> PublishAsync(AgencySession session, DemoRecord record, CancellationToken cancellationToken)
    {
        var body = new
        {
            agencyPersonId = session.PersonId,
            category = new { group = record.Group, name = record.Name },
            asOf = record.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            items = record.Items.Select(item => new { label = item.Label, value = item.Value, unit = item.Unit }).ToArray(),
        };

        var response = (await gateway.SendAsync(
            text.Pick($"あなたの情報「{record.Name}」の登録", $"Publishing the record {record.Name}"),
            HttpMethod.Put, $"{PartnerPath}/records/{Uri.EscapeDataString(record.RecordKey)}", session.Token, body, cancellationToken)).Body;
        return response.GetProperty("result").GetString()!;
    }
}
