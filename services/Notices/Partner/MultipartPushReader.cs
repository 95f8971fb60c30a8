using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MynaPlatform.Notices.Domain.Attachments;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Storage;
using MynaPlatform.ServiceDefaults.Problems;

namespace MynaPlatform.Notices.Partner;

/// <summary>A single push read from the request: the notice and its checked attachments.</summary>
public sealed record SinglePush(NoticePushRequest Notice, IReadOnlyList<NewAttachment> Attachments);

/// <summary>
/// Reads a single push sent as <c>multipart/form-data</c>: a <c>notice</c> part with the JSON
/// notice and up to five file parts named <c>attachments</c>. Each file is read once, checked to be
/// a PDF within the size limit and hashed; nothing is trusted from its declared content type.
/// </summary>
public static class MultipartPushReader
{
    public const string NoticePart = "notice";
    public const string AttachmentsPart = "attachments";

    public static async Task<(SinglePush? Push, IReadOnlyList<FieldError> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            ? HeaderUtilities.RemoveQuotes(contentType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, [new FieldError("Content-Type", "multipart/form-data の boundary がありません。Content-Type ヘッダーに boundary を付けて送ってください。")]);
        }

        try
        {
            return await ReadSectionsAsync(request, boundary, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException
            && exception is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A malformed body (a missing boundary, a truncated part) is the client's mistake, not a server error.
            return (null, [new FieldError("body", "multipart/form-data の本文の形式が正しくありません。パートの区切り（boundary）と各パートのヘッダーを確かめて送り直してください。")]);
        }
    }

    private static async Task<(SinglePush? Push, IReadOnlyList<FieldError> Errors)> ReadSectionsAsync(
        HttpRequest request, string boundary, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, request.Body);
        NoticePushRequest? notice = null;
        var attachments = new List<NewAttachment>();
        var errors = new List<FieldError>();
        var fileCount = 0;
        var noticeParts = 0;
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;

            // A notice part sent as a file (curl's -F "notice=@notice.json") is still the notice.
            if (disposition is not null && disposition.IsFileDisposition() && name != NoticePart)
            {
                fileCount++;
                if (name != AttachmentsPart)
                {
                    errors.Add(new(NoticeFields.Attachments, $"ファイルのパート名「{name}」は使えません。添付ファイルは {AttachmentsPart} という名前のパートで送ってください。"));
                }
                else if (fileCount <= AttachmentLimits.MaxCount && await ReadAttachmentAsync(section, disposition, cancellationToken) is var (attachment, error))
                {
                    if (error is not null)
                    {
                        // The rest of a file over the limit is not read, so the request ends here.
                        errors.Add(error);
                        return (null, errors);
                    }

                    attachments.Add(attachment!);
                }

                continue;
            }

            if (name == NoticePart && noticeParts++ > 0)
            {
                errors.Add(new(NoticePart, $"{NoticePart} のパートが 2 つ以上あります。お知らせの JSON は 1 つのパートだけで送ってください。"));
            }
            else if (name == NoticePart && JsonCharsetMiddleware.IsJsonInOtherCharset(section.ContentType))
            {
                errors.Add(new(NoticePart, $"{NoticePart} のパートの文字コードに対応していません。JSON は UTF-8 で送り、Content-Type の charset は utf-8 にするか省略してください。"));
            }
            else if (name == NoticePart)
            {
                var (value, error) = await PushJson.ReadAsync<NoticePushRequest>(section.Body, cancellationToken);
                notice = value;
                if (error is not null)
                {
                    errors.Add(error);
                }
            }
            else
            {
                errors.Add(new(name ?? "", $"パート「{name}」は使えません。{NoticePart}（お知らせの JSON）と {AttachmentsPart}（PDF ファイル）だけを送ってください。"));
            }
        }

        if (PdfAttachmentChecker.CheckCount(fileCount) is { } countError)
        {
            errors.Add(countError);
        }

        if (notice is null && errors.Count == 0)
        {
            errors.Add(new(NoticePart, $"お知らせの内容がありません。{NoticePart} という名前のパートに JSON で入れて送ってください。"));
        }

        return errors.Count > 0 ? (null, errors) : (new SinglePush(notice!, attachments), []);
    }

    private static async Task<(NewAttachment? Attachment, FieldError? Error)> ReadAttachmentAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, CancellationToken cancellationToken)
    {
        var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;

        // One byte over the limit is enough for the checker to reject the file by its size.
        using var content = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while (content.Length <= AttachmentLimits.MaxBytes
            && (read = await section.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, AttachmentLimits.MaxBytes + 1 - content.Length)), cancellationToken)) > 0)
        {
            content.Write(buffer, 0, read);
        }

        content.Position = 0;
        var checkedFile = await PdfAttachmentChecker.CheckAsync(fileName, content, cancellationToken);
        return checkedFile.IsValid
            ? (new NewAttachment(checkedFile.Digest, content.ToArray()), null)
            : (null, checkedFile.Error);
    }
}
