using MynaPlatform.Notices.Domain.Idempotency;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    [InlineData("batch:2026-04-01.part_1", "batch:2026-04-01.part_1")]
    [InlineData("a", "a")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", "0123456789012345678901234567890123456789012345678901234567890123")]
    public void TryParse_ValidValue_ReturnsKey(string header, string expected)
    {
        Assert.True(IdempotencyKey.TryParse(header, out var key, out var error));
        Assert.Equal(expected, key.Value.Value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "ありません")]
    [InlineData("", "ありません")]
    [InlineData("\"\"", "不正")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234", "不正")]
    [InlineData("has space", "不正")]
    [InlineData("a, b", "不正")]
    [InlineData("key/with/slash", "不正")]
    [InlineData("キー", "不正")]
    [InlineData("ｋｅｙ", "不正")]
    [InlineData("line\nbreak", "不正")]
    [InlineData("\"unbalanced", "不正")]
    [InlineData("'single'", "不正")]
    public void TryParse_InvalidValue_ExplainsFix(string? header, string expected)
    {
        Assert.False(IdempotencyKey.TryParse(header, out var key, out var error));
        Assert.Null(key);
        Assert.Contains("Idempotency-Key", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryParse_DifferentCase_AreDifferentKeys()
    {
        IdempotencyKey.TryParse("abc", out var lower, out _);
        IdempotencyKey.TryParse("ABC", out var upper, out _);

        Assert.NotEqual(lower, upper);
    }
}
