using System.Text.Json;
using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// Sends the demo notices. Each agency first lists what it sent, so a notice of the same category
/// to the resident is not sent again, also after the 24 hours in which the notices service keeps
/// an Idempotency-Key.
/// </summary>
public sealed class NoticeSeeding(GatewayClient gateway, DemoSettings settings, DemoText text, TextWriter progress)
{
    private const string NoticesPath = "/api/notices/partner/notices";
    private const int PageSize = 100;

    public async Task<int> EnsureSentAsync(IReadOnlyList<AgencySession> agencies, DemoContent content, CancellationToken cancellationToken)
    {
        var sent = 0;
        var existing = 0;
        foreach (var session in agencies)
        {
            var notices = content.Notices.Where(notice => notice.Sender == session.Agency).ToList();
            if (notices.Count == 0)
            {
                continue;
            }

            var alreadySent = await ListSentAsync(session, cancellationToken);
            foreach (var notice in notices)
            {
                if (alreadySent.Contains(notice.Category))
                {
                    existing++;
                    continue;
                }

                await SendAsync(session, notice, cancellationToken);
                sent++;
            }
        }

        progress.WriteLine(text.Pick($"お知らせ: {sent} 件を送りました (送信済み {existing} 件)", $"Notices: sent {sent} ({existing} already sent)"));
        return sent;
    }

    /// <summary>Returns the categories of the notices the agency has sent to the resident, in any state.</summary>
    private async Task<HashSet<string>> ListSentAsync(AgencySession session, CancellationToken cancellationToken)
    {
        var categories = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var response = (await gateway.SendAsync(
                text.Pick($"{session.Agency.DisplayName}のお知らせの一覧の取得", $"Listing the notices of {session.Agency.DisplayName}"),
                HttpMethod.Get, $"{NoticesPath}?page={page}&pageSize={PageSize}", session.Token, null, cancellationToken)).Body;

            var items = response.GetProperty("items");
            foreach (var item in items.EnumerateArray().Where(item => item.GetProperty("recipient").GetString() == session.PersonId))
            {
                categories.Add(item.GetProperty("category").GetString()!);
            }

            if (items.GetArrayLength() < PageSize || page * PageSize >= response.GetProperty("total").GetInt32())
            {
                return categories;
            }
        }
    }

    private async Task SendAsync(AgencySession session, DemoNotice notice, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?>
        {
            ["recipient"] = session.PersonId,
            ["title"] = notice.Title,
            ["body"] = notice.Body,
            ["bodyFormat"] = "markdown",
            ["category"] = notice.Category,
        };
        if (notice.PaymentReference is not null)
        {
            body["paymentReference"] = notice.PaymentReference;
        }

        await gateway.SendAsync(
            text.Pick($"お知らせ「{notice.Title}」の送信", $"Sending the notice {notice.Title}"),
            HttpMethod.Post, NoticesPath, session.Token, body, cancellationToken,
            idempotencyKey: $"demo-{notice.Key}{settings.IdempotencyKeySuffix}");
    }
}
