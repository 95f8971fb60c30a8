using System.Diagnostics.CodeAnalysis;

namespace MynaPlatform.Notices.Domain.Idempotency;

/// <summary>
/// The value of an <c>Idempotency-Key</c> header: 1 to 64 characters from <c>A–Z a–z 0–9 . _ : -</c>,
/// which covers UUIDs and ULIDs. The value may also be sent as a quoted string
/// (<c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>), the form of the IETF idempotency-key draft; the
/// quotes are not part of the key. Keys are case-sensitive and scoped to the pushing agency.
/// </summary>
public readonly record struct IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 64;

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a header value; on failure <paramref name="error"/> is a Japanese message naming the header and the fix.</summary>
    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out IdempotencyKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrEmpty(headerValue))
        {
            error = $"{HeaderName} ヘッダーがありません。押し直しても同じ値になる一意なキー（UUID など）を付けて送ってください。";
            return false;
        }

        var value = headerValue.Length >= 2 && headerValue[0] == '"' && headerValue[^1] == '"' ? headerValue[1..^1] : headerValue;
        if (value.Length is 0 or > MaxLength || !value.All(IsKeyCharacter))
        {
            error = $"{HeaderName} ヘッダーの値が不正です。英数字と . _ : - だけからなる 1〜{MaxLength} 文字（UUID など）を 1 つだけ指定してください。";
            return false;
        }

        key = new IdempotencyKey(value);
        error = null;
        return true;
    }

    private static bool IsKeyCharacter(char character) => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or ':' or '-';
}
