using System.Diagnostics.CodeAnalysis;

namespace MynaPlatform.Notices.Domain.Validation;

public sealed class NoticeValidationResult
{
    private NoticeValidationResult(ValidNotice? notice, IReadOnlyList<FieldError> errors)
    {
        Notice = notice;
        Errors = errors;
    }

    /// <summary>The normalised notice, or null when <see cref="Errors"/> is not empty.</summary>
    public ValidNotice? Notice { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Notice))]
    public bool IsValid => Notice is not null;

    internal static NoticeValidationResult Valid(ValidNotice notice) => new(notice, []);

    internal static NoticeValidationResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
