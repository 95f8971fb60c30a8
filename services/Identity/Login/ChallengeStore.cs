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

        await using (var connection = await TokenStoreConnection.OpenAsync(database, cancellationToken))
        {
            await using var insert = connection.Command("""
                INSERT INTO login_challenges (ChallengeId, Value, ExpiresAtMilliseconds)
                VALUES ($id, $value, $expiresAt)
                """);
            insert.Parameters.AddWithValue("$id", record.ChallengeId);
            insert.Parameters.AddWithValue("$value", record.Value);
            insert.Parameters.AddWithValue("$expiresAt", record.ExpiresAtMilliseconds);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return new LoginChallengeResponse(record.ChallengeId, Convert.ToBase64String(record.Value), expiresAt);
    }

    /// <summary>
    /// Marks the challenge used and returns its bytes. The update succeeds for exactly one caller,
    /// so two concurrent logins with one challenge cannot both pass. Only a challenge the update
    /// did not take is read again, to tell the caller why.
    /// </summary>
    public async Task<byte[]> ConsumeAsync(string challengeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var connection = await TokenStoreConnection.OpenAsync(database, cancellationToken);
            await using var consume = connection.Command("""
                UPDATE login_challenges SET UsedAtMilliseconds = $now
                WHERE ChallengeId = $id AND UsedAtMilliseconds IS NULL AND ExpiresAtMilliseconds >= $now
                RETURNING Value
                """);
            consume.Parameters.AddWithValue("$id", challengeId);
            consume.Parameters.AddWithValue("$now", now);
            if (await consume.ExecuteScalarAsync(cancellationToken) is byte[] value)
            {
                return value;
            }
        }

        var challenge = await database.LoginChallenges.AsNoTracking()
            .SingleOrDefaultAsync(record => record.ChallengeId == challengeId, cancellationToken)
            ?? throw Rejected(JpkiReasonCodes.ChallengeUnknown, "チャレンジが見つかりません。",
                $"{LoginRoutes.ChallengeIdParameter} のチャレンジは発行されていません。新しいチャレンジを取得して署名し直してください。");

        if (challenge.UsedAtMilliseconds is not null)
        {
            throw Reused();
        }

        throw Rejected(JpkiReasonCodes.ChallengeExpired, "チャレンジの有効期限が切れています。",
            $"チャレンジは発行から {options.Value.ChallengeLifetime.TotalSeconds:0} 秒で無効になります。新しいチャレンジを取得して署名し直してください。");
    }

    private static JpkiRejectedException Reused() =>
        Rejected(JpkiReasonCodes.ChallengeReused, "チャレンジは使用済みです。",
            "チャレンジは 1 回しか使えません。新しいチャレンジを取得して署名し直してください。");

    private static JpkiRejectedException Rejected(string reasonCode, string title, string detail) =>
        new(reasonCode, StatusCodes.Status400BadRequest, title, detail);
}
