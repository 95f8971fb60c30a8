using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using MynaPlatform.Notices.Domain.Attachments;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Domain.Idempotency;

/// <summary>
/// The SHA-256 of a push's canonical form, compared to tell "same key, same content" from "same key,
/// other content". The canonical form is compact JSON written in a fixed order from the parsed
/// fields: the recipient, each notice field as sent (strings exactly, times as UTC instants, missing
/// fields as null) and each attachment's name, size and SHA-256 in the order sent. Multipart
/// boundaries, JSON property order and white space therefore change nothing, while any change to a
/// value does.
/// </summary>
public sealed record PushFingerprint(string Sha256)
{
    private const string Version = "notice-push/1";

    /// <summary>The fingerprint of a single push with its attachments.</summary>
    public static PushFingerprint ForSingle(NoticePushItem item, IReadOnlyList<AttachmentDigest> attachments)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(attachments);

        return Compute("single", writer => WriteSingle(writer, item, attachments));
    }

    /// <summary>The fingerprint of a batch; item order is part of the content, as results are reported by index.</summary>
    public static PushFingerprint ForBatch(IReadOnlyList<NoticePushItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        return Compute("batch", writer =>
        {
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteStartObject();
                WriteItem(writer, item);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Writes the canonical form of a single push, for inspection and tests.</summary>
    public static void WriteCanonicalForm(Stream destination, NoticePushItem item, IReadOnlyList<AttachmentDigest> attachments) =>
        WriteCanonical(destination, "single", writer => WriteSingle(writer, item, attachments));

    // The JSON is streamed into the hash, so a batch of thousands of notices is never held as one string.
    private static PushFingerprint Compute(string kind, Action<Utf8JsonWriter> writeBody)
    {
        using var sha256 = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha256, CryptoStreamMode.Write, leaveOpen: true))
        {
            WriteCanonical(hashing, kind, writeBody);
        }

        return new PushFingerprint(Convert.ToHexStringLower(sha256.Hash!));
    }

    private static void WriteCanonical(Stream destination, string kind, Action<Utf8JsonWriter> writeBody)
    {
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false, SkipValidation = false });
        writer.WriteStartObject();
        writer.WriteString("version", Version);
        writer.WriteString("kind", kind);
        writeBody(writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteSingle(Utf8JsonWriter writer, NoticePushItem item, IReadOnlyList<AttachmentDigest> attachments)
    {
        WriteItem(writer, item);
        writer.WriteStartArray(NoticeFields.Attachments);
        foreach (var attachment in attachments)
        {
            writer.WriteStartObject();
            writer.WriteString("fileName", attachment.FileName);
            writer.WriteNumber("length", attachment.Length);
            writer.WriteString("sha256", attachment.Sha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, NoticePushItem item)
    {
        var notice = item.Notice;
        WriteStringOrNull(writer, "recipient", item.Recipient);
        WriteStringOrNull(writer, NoticeFields.Title, notice.Title);
        WriteStringOrNull(writer, NoticeFields.Body, notice.Body);
        // An explicit "plain" is the default written out, so it is written as the omitted value it equals.
        WriteStringOrNull(writer, NoticeFields.BodyFormat, notice.BodyFormat == BodyFormats.PlainKey ? null : notice.BodyFormat);
        WriteStringOrNull(writer, NoticeFields.Category, notice.Category);
        WriteStringOrNull(writer, NoticeFields.PublishAt, Instant(notice.PublishAt));
        WriteStringOrNull(writer, NoticeFields.ExpiresAt, Instant(notice.ExpiresAt));
        WriteStringOrNull(writer, NoticeFields.PaymentReference, notice.PaymentReference);
    }

    private static string? Instant(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else if (TextChecks.HasLoneSurrogate(value))
        {
            // JSON cannot carry a lone surrogate, and an invalid item still needs a fingerprint. An
            // object of UTF-16 code units cannot be confused with a string value.
            writer.WriteStartObject(name);
            writer.WriteString("utf16", Convert.ToHexString(MemoryMarshal.AsBytes(value.AsSpan())));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
