using System.Threading.RateLimiting;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Jpki;

namespace MynaPlatform.Identity.Cards;

/// <summary>
/// Limits lost-card reports per card (login certificate serial number) to 5 in 10 minutes, on top
/// of the gateway's per-address limit, so one card cannot be used to flood J-LIS with hold requests.
/// </summary>
public sealed class CardHoldRateLimiter : IDisposable
{
    private const int PermitLimit = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(serialNumber =>
        RateLimitPartition.GetFixedWindowLimiter(serialNumber, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitLimit,
            Window = Window,
            QueueLimit = 0,
        }));

    public async Task AcquireAsync(string serialNumber, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(serialNumber, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new JpkiRejectedException(JpkiReasonCodes.LostCardReportLimited, StatusCodes.Status429TooManyRequests,
                "紛失の届出が多すぎます。",
                $"同じカードの届出は {Window.TotalMinutes:0} 分間に {PermitLimit} 回までです。届出は受け付け済みの可能性があります。時間をおいて再度お試しください。");
        }
    }

    public void Dispose() => limiter.Dispose();
}
