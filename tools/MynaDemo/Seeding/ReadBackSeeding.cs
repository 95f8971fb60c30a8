using System.Diagnostics;
using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// Has one agency read back the records it published about the resident, which puts an access
/// event into the resident's やりとり履歴. The resident's own log is read first, so a later run
/// finds the earlier read-back there and does not read again.
/// </summary>
public sealed class ReadBackSeeding(GatewayClient gateway, DemoSettings settings, DemoText text, TextWriter progress)
{
    /// <summary>A word of the purpose that the self-info service writes into every read-back's access event.</summary>
    public const string ReadBackPurposeWord = "読み戻し";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns true when this run read back, false when the log already showed an earlier read-back.</summary>
    public async Task<bool> EnsureReadBackAsync(IReadOnlyList<AgencySession> agencies, string personToken, CancellationToken cancellationToken)
    {
        var reader = agencies.Single(session => session.Agency == DemoContent.ReadBackAgency);
        if (await CountReadBacksAsync(reader, personToken, cancellationToken) > 0)
        {
            progress.WriteLine(text.Pick($"読み戻し: {reader.Agency.DisplayName}の読み戻しは記録済みです", $"Read-back: the read-back by {reader.Agency.DisplayName} is already in the log"));
            return false;
        }

        var response = (await gateway.SendAsync(
            text.Pick($"{reader.Agency.DisplayName}による読み戻し", $"The read-back by {reader.Agency.DisplayName}"),
            HttpMethod.Get, $"/api/self-info/partner/persons/{Uri.EscapeDataString(reader.PersonId)}/records", reader.Token, null,
            cancellationToken)).Body;

        // A read that returns no record (all flagged by the person) is no access, so nothing will arrive.
        if (response.GetProperty("records").GetArrayLength() == 0)
        {
            progress.WriteLine(text.Pick($"読み戻し: {reader.Agency.DisplayName}が読み戻せる記録がありません", $"Read-back: {reader.Agency.DisplayName} has no record to read back"));
            return false;
        }

        await WaitUntilLoggedAsync(reader, personToken, cancellationToken);
        progress.WriteLine(text.Pick($"読み戻し: {reader.Agency.DisplayName}が記録を読み戻し、やりとり履歴に載りました", $"Read-back: {reader.Agency.DisplayName} read its records back, and the access log shows it"));
        return true;
    }

    /// <summary>The access event travels through the self-info outbox and the broker, so it reaches the log a moment later.</summary>
    private async Task WaitUntilLoggedAsync(AgencySession reader, string personToken, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (await CountReadBacksAsync(reader, personToken, cancellationToken) == 0)
        {
            if (watch.Elapsed > settings.AccessLogTimeout)
            {
                throw new DemoException(text.Pick(
                    $"{reader.Agency.DisplayName}の読み戻しが {settings.AccessLogTimeout.TotalSeconds:0} 秒以内にやりとり履歴に載りませんでした。ダッシュボードで self-info と access-log のログを確認してください。",
                    $"The read-back by {reader.Agency.DisplayName} did not reach the access log within {settings.AccessLogTimeout.TotalSeconds:0} s. Check the self-info and access-log logs in the dashboard."));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<long> CountReadBacksAsync(AgencySession reader, string personToken, CancellationToken cancellationToken)
    {
        var query = $"agency={Uri.EscapeDataString(reader.ClientId)}&task={Uri.EscapeDataString(ReadBackPurposeWord)}&pageSize=1";
        var response = (await gateway.SendAsync(
            text.Pick("住民のやりとり履歴の確認", "Reading the resident's access log"),
            HttpMethod.Get, $"/api/access-log/me/records?{query}", personToken, null, cancellationToken)).Body;
        return response.GetProperty("total").GetInt64();
    }
}
