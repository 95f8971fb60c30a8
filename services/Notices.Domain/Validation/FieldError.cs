namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// One invalid field: <see cref="Field"/> is the JSON property name and <see cref="Message"/> says,
/// in Japanese, what is wrong and how to fix it.
/// </summary>
public sealed record FieldError(string Field, string Message);
