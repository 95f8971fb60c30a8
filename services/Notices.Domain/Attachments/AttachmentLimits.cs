namespace MynaPlatform.Notices.Domain.Attachments;

public static class AttachmentLimits
{
    public const int MaxCount = 5;

    /// <summary>5 MB as 5 × 1024 × 1024 bytes.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public const int FileNameMaxLength = 255;

    /// <summary>How far from the end the %%EOF marker may lie; PDF readers accept it within the last 1024 bytes.</summary>
    public const int TrailerWindowBytes = 1024;
}
