using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Domain.Attachments;

/// <summary>
/// Checks that attachments are really PDF and hashes them. A file passes when it starts with the
/// PDF header (<c>%PDF-</c> and a version, at byte 0) and contains the <c>%%EOF</c> marker in its
/// last <see cref="AttachmentLimits.TrailerWindowBytes"/> bytes; its extension and declared content
/// type are not trusted.
/// </summary>
/// <remarks>
/// NOTE: a file can be a valid PDF and still carry other content (a polyglot), so downloads must be
/// served as <c>application/pdf</c> with <c>Content-Disposition: attachment</c> and
/// <c>X-Content-Type-Options: nosniff</c>.
/// </remarks>
public static class PdfAttachmentChecker
{
    private const int HeadBytes = 64;
    private const int BufferBytes = 81_920;

    private static readonly byte[] EndOfFile = "%%EOF"u8.ToArray();
    private static readonly string MaxBytesText = AttachmentLimits.MaxBytes.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Returns an error when a push carries more files than allowed, or null.</summary>
    public static FieldError? CheckCount(int count) => count <= AttachmentLimits.MaxCount
        ? null
        : new FieldError(NoticeFields.Attachments,
            $"添付ファイルが多すぎます（{count}件）。1件のお知らせに添付できるのは{AttachmentLimits.MaxCount}件までです。");

    /// <summary>
    /// Reads <paramref name="content"/> to its end once, checking the size as it goes (a file over
    /// the limit is not read further), and returns the digest or the reason for rejecting the file.
    /// </summary>
    public static async Task<AttachmentCheckResult> CheckAsync(string? fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);

        var nameError = AttachmentFileNames.Check(fileName);
        if (nameError is not null)
        {
            return AttachmentCheckResult.Invalid(nameError);
        }

        var name = fileName!.Normalize(NormalizationForm.FormC);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[HeadBytes];
        var headLength = 0;
        var tail = new TailWindow(AttachmentLimits.TrailerWindowBytes);
        long length = 0;

        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
            {
                length += read;
                if (length > AttachmentLimits.MaxBytes)
                {
                    return AttachmentCheckResult.Invalid(
                        $"添付ファイル「{name}」が大きすぎます（5 MB を超えています）。1ファイル 5 MB（{MaxBytesText} バイト）以内にしてください。");
                }

                var chunk = buffer.AsSpan(0, read);
                var copied = Math.Min(HeadBytes - headLength, read);
                chunk[..copied].CopyTo(head.AsSpan(headLength));
                headLength += copied;
                tail.Append(chunk);
                hash.AppendData(chunk);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var error = CheckPdf(name, head.AsSpan(0, headLength), tail, length);
        if (error is not null)
        {
            return AttachmentCheckResult.Invalid(error);
        }

        return AttachmentCheckResult.Valid(new AttachmentDigest(name, length, Convert.ToHexStringLower(hash.GetHashAndReset())));
    }

    private static string? CheckPdf(string name, ReadOnlySpan<byte> head, TailWindow tail, long length)
    {
        if (length == 0)
        {
            return $"添付ファイル「{name}」が空です（0 バイト）。内容のある PDF ファイルを添付してください。";
        }

        if (!FileSignatures.IsPdfHeader(head))
        {
            var kind = FileSignatures.Describe(head);
            var seems = kind is null ? "" : $"（{kind}のようです）";
            return $"添付ファイル「{name}」は PDF ではありません{seems}。PDF に変換してから添付してください。";
        }

        if (tail.ToArray().AsSpan().IndexOf(EndOfFile) < 0)
        {
            return $"添付ファイル「{name}」の末尾に PDF の終わりを示す %%EOF がありません。途中で切れている可能性があるため、ファイル全体を添付し直してください。";
        }

        return null;
    }
}
