using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MynaPlatform.Identity.Jpki;
using MynaPlatform.Identity.Storage;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Identity.Login;

/// <summary>Issues login challenges (32 random bytes, short-lived) and consumes each at most once.</summary>
public sealed class ChallengeStore(
    IdentityDbContext database,
    TokenStoreWriteGate writeGate,
    ChallengePurgeSchedule purgeSchedule,
    IOptions<JpkiOptions> options,
    TimeProvider clock)
{
    private const int ChallengeBytes = 32;

    /// <summary>How long challenges are kept after they expire, to tell "reused" or "expired" from "unknown".</summary>
    private static readonly TimeSpan ExpiredChallengeRetention = TimeSpan.FromHours(1);

    public async Task<LoginChallengeResponse> CreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.ChallengeLifetime;
        var record = new LoginChallengeRecord
        {
            ChallengeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Value = RandomNumberGenerator.GetBytes(ChallengeBytes),
            ExpiresAtMilliseconds = expiresAt.ToUnixTimeMilliseconds(),
        };

        using var write = await writeGate.EnterAsync(cancellationToken);

        // The purge is a write transaction of its own, so it runs once per ChallengePurgeSchedule.Interval
        // in this process instead of with every challenge.
        if (purgeSchedule.TryClaim(now))
        {
            var purgeBefore = (now - ExpiredChallengeRetention).ToUnixTimeMilliseconds();
            await database.LoginChallenges.Where(challenge => challenge.ExpiresAtMilliseconds < purgeBefore).ExecuteDeleteAsync(cancellationToken);
        }

        database.LoginChallenges.Add(record);
        await database.SaveChangesAsync(cancellationToken);
        return new LoginChallengeResponse(record.ChallengeId, Convert.ToBase64String(record.Value), expiresAt);
    }

    /// <summary>
    /// Marks the challenge used and returns its bytes. The update succeeds for exactly one caller,
    /// so two concurrent logins with one challenge cannot both pass.
    /// </summary>
    public async Task<byte[]> ConsumeAsync(string challengeId, CancellationToken cancellationToken)
    {
        var challenge = await database.LoginChallenges.AsNoTracking()
            .SingleOrDefaultAsync(record => record.ChallengeId == challengeId, cancellationToken)
            ?? throw Rejected(JpkiReasonCodes.ChallengeUnknown, "チャレンジが見つかりません。",
                $"{LoginRoutes.ChallengeIdParameter} のチャレンジは発行されていません。新しいチャレンジを取得して署名し直してください。");

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (challenge.UsedAtMilliseconds is not null)
        {
            throw Reused();
        }

        if (now > challenge.ExpiresAtMilliseconds)
        {
            throw Rejected(JpkiReasonCodes.ChallengeExpired, "チャレンジの有効期限が切れています。",
                $"チャレンジは発行から {options.Value.ChallengeLifetime.TotalSeconds:0} 秒で無効になります。新しいチャレンジを取得して署名し直してください。");
        }

        using var write = await writeGate.EnterAsync(cancellationToken);
        var updated = await database.LoginChallenges
            .Where(record => record.ChallengeId == challengeId && record.UsedAtMilliseconds == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(record => record.UsedAtMilliseconds, now), cancellationToken);

        return updated == 1 ? challenge.Value : throw Reused();
    }

    private static JpkiRejectedException Reused() =>
        Rejected(JpkiReasonCodes.ChallengeReused, "チャレンジは使用済みです。",
            "チャレンジは 1 回しか使えません。新しいチャレンジを取得して署名し直してください。");

    private static JpkiRejectedException Rejected(string reasonCode, string title, string detail) =>
        new(reasonCode, StatusCodes.Status400BadRequest, title, detail);
}
