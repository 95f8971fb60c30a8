using System.Text.Json;
using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Signing;
using MynaPlatform.AccessLog.Domain.Verification;
using MynaPlatform.MynaLog.Api;
using MynaPlatform.MynaLog.State;

namespace MynaPlatform.MynaLog.Cli;

public sealed record VerifyOptions(Uri Gateway, string Token, StateStore State, string? KeysFile, bool Full, bool Reset);

public sealed record VerifyOutcome(
    SignedHead Head, VerificationResult Result, RememberedChain? Remembered, long? CheckpointSequence, IReadOnlyList<string> NewKeyIds);

/// <summary>
/// One <c>verify</c> run: load the remembered chain, fetch keys, head and entries, verify, and
/// remember the new head only when everything verified.
/// </summary>
public sealed class VerifyRun(VerifyOptions options, HttpClient http)
{
    private readonly Uri _gateway = new(options.Gateway.AbsoluteUri.TrimEnd('/') + "/");

    public async Task<VerifyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var state = options.State.Load();
        var stateKey = _gateway.AbsoluteUri;
        var remembered = options.Reset ? null : state.Gateways.GetValueOrDefault(stateKey);
        var client = new AccessLogClient(http, _gateway, options.Token);

        var (keys, newKeyIds) = await ResolveKeysAsync(client, remembered, cancellationToken);
        var head = await client.GetHeadAsync(cancellationToken);

        var anchor = options.Full ? null : remembered?.ResumeAfter?.ToAnchor();
        var after = anchor?.Sequence ?? 0;
        var (entries, checkpoint) = head.Sequence >= after
            ? await client.GetEntriesAsync(head.ChainId, after, head.Sequence, cancellationToken)
            : ([], null);

        var result = ChainVerifier.Verify(new ChainEvidence(head, entries, checkpoint), keys, remembered?.Head, anchor);
        if (result.IsValid)
        {
            state.Gateways[stateKey] = Remember(head, result, keys);
            options.State.Save(state);
        }

        return new VerifyOutcome(head, result, remembered, checkpoint?.Sequence, newKeyIds);
    }

    private async Task<(TrustedKeys Keys, IReadOnlyList<string> NewKeyIds)> ResolveKeysAsync(
        AccessLogClient client, RememberedChain? remembered, CancellationToken cancellationToken)
    {
        if (options.KeysFile is { } path)
        {
            return (ReadKeysFile(path), []);
        }

        var published = await client.GetKeysAsync(cancellationToken);
        var pinned = remembered?.Keys.Select(key => key.ToJwk()).ToList() ?? [];
        foreach (var key in pinned)
        {
            if (published.Find(key.KeyId) is { } current && current != key)
            {
                throw new MynaLogException(MynaLogReasonCodes.SigningKeyChanged, key.KeyId);
            }
        }

        // A pinned key stays trusted after the platform stops publishing it, because entries signed with it remain.
        var newKeys = published.Keys.Where(key => pinned.All(old => old.KeyId != key.KeyId)).ToList();
        var newKeyIds = remembered is null ? [] : newKeys.Select(key => key.KeyId).ToList();
        return (new TrustedKeys(pinned.Concat(newKeys)), newKeyIds);
    }

    private static TrustedKeys ReadKeysFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new MynaLogException(MynaLogReasonCodes.KeysFileNotFound, path);
        }

        try
        {
            return TrustedKeys.FromJwks(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException("not an object"));
        }
        catch (Exception failure) when (failure is JsonException or FormatException or IOException)
        {
            throw new MynaLogException(MynaLogReasonCodes.KeysFileInvalid, path, failure);
        }
    }

    /// <summary>
    /// Builds what the next run resumes from: the entry before the head (so the head's hash is compared
    /// again) or, when earlier entries are still withheld, the entry before the first of them.
    /// </summary>
    private static RememberedChain Remember(SignedHead head, VerificationResult result, TrustedKeys keys)
    {
        var verified = result.Entries;
        var start = result.StartedFrom!;
        var withheld = verified.Where(entry => entry.IsPlaceholder).Select(entry => entry.Sequence).ToList();

        ResumePoint? resume = null;
        var first = verified.FirstOrDefault(entry => entry.IsPlaceholder) ?? verified.LastOrDefault(entry => entry.Sequence == head.Sequence);
        if (first is not null)
        {
            var index = verified.ToList().IndexOf(first);
            var previousTime = index == 0 ? start.RecordedAt : verified[index - 1].RecordedAt;
            resume = new ResumePoint(first.Sequence - 1, first.PreviousHash, previousTime);
        }
        else if (head.Sequence > 0)
        {
            resume = new ResumePoint(start.Sequence, start.Hash, start.RecordedAt);
        }

        return new RememberedChain
        {
            ChainId = head.ChainId,
            Sequence = head.Sequence,
            HeadHash = head.HeadHash,
            HeadSignedAt = head.Signature.SignedAt,
            ResumeAfter = resume,
            WithheldSequences = withheld,
            Keys = keys.Keys.Select(PinnedKey.From).ToList(),
            VerifiedAt = DateTimeOffset.UtcNow,
        };
    }
}
