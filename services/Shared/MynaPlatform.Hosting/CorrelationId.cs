using System.Text.RegularExpressions;

namespace MynaPlatform.Hosting;

/// <summary>
/// The correlation id of the work in progress. The gateway sets <see cref="HeaderName"/> on every
/// request; services keep it for the request's duration and pass it on to outbox rows, gRPC calls
/// and consumers.
/// </summary>
public static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current
    {
        get => CurrentValue.Value;
        set => CurrentValue.Value = value;
    }

    /// <summary>Accepts 1 to 64 letters, digits, dots, underscores and hyphens, so the id is safe to log.</summary>
    public static bool IsValid(string? value) => value is not null && ValidPattern().IsMatch(value);

    public static string NewId() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidPattern();
}
