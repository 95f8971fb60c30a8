namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>JSON property names of a pushed notice, used as the keys of validation errors.</summary>
public static class NoticeFields
{
    public const string Title = "title";
    public const string Body = "body";
    public const string BodyFormat = "bodyFormat";
    public const string Category = "category";
    public const string PublishAt = "publishAt";
    public const string ExpiresAt = "expiresAt";
    public const string PaymentReference = "paymentReference";
    public const string Attachments = "attachments";
}
