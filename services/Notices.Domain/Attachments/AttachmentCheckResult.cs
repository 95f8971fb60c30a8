using System.Diagnostics.CodeAnalysis;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Domain.Attachments;

public sealed class AttachmentCheckResult
{
    private AttachmentCheckResult(AttachmentDigest? digest, FieldError? error)
    {
        Digest = digest;
        Error = error;
    }

    public AttachmentDigest? Digest { get; }

    /// <summary>Why the file was rejected, under the <c>attachments</c> field, naming the file.</summary>
    public FieldError? Error { get; }

    [MemberNotNullWhen(true, nameof(Digest))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Digest is not null;

    internal static AttachmentCheckResult Valid(AttachmentDigest digest) => new(digest, null);

    internal static AttachmentCheckResult Invalid(string message) => new(null, new FieldError(NoticeFields.Attachments, message));
}
