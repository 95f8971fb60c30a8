using System.Text.Json.Nodes;
using MynaPlatform.AccessLog.Domain.Records;
using MynaPlatform.AccessLog.Domain.Signing;

namespace MynaPlatform.AccessLog.Domain.Chain;

/// <summary>
/// One entry of a person's chain. <see cref="EntryHash"/> commits to the previous entry's hash,
/// <see cref="Sequence"/>, <see cref="RecordedAt"/> and <see cref="Commitment"/>;
/// <see cref="Signature"/> is the head signature made when the entry became the head, so each entry
/// can be checked on its own. A placeholder has no <see cref="Content"/>.
/// </summary>
public sealed record ChainEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    string Commitment,
    string EntryHash,
    HeadSignature Signature,
    RevealedContent? Content)
{
    public bool IsPlaceholder => Content is null;

    public ChainEntry ToPlaceholder() => this with { Content = null };

    /// <summary>
    /// Returns the entry as the person may see it at <paramref name="now"/>: a placeholder while the
    /// record's withheld-until date (a Japan date) has not come, else the full entry.
    /// </summary>
    public ChainEntry AsSeenAt(DateTimeOffset now)
    {
        if (Content?.Record["withheldUntil"] is JsonValue value
            && Instants.TryParse(value.GetValue<string>(), out DateOnly withheldUntil)
            && Instants.JapanDate(now) < withheldUntil)
        {
            return ToPlaceholder();
        }

        return this;
    }
}

/// <summary>The salt and the record's JSON object of an entry whose content is shown.</summary>
public sealed record RevealedContent(string Salt, JsonObject Record);
