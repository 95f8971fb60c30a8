using MynaPlatform.Notices.Domain.Time;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-04-01T09:00:00+09:00", "2026-04-01T00:00:00.0000000+00:00")]
    [InlineData("2026-04-01T00:00:00Z", "2026-04-01T00:00:00.0000000+00:00")]
    [InlineData("2026-04-01t00:00:00z", "2026-04-01T00:00:00.0000000+00:00")]
    [InlineData("2026-04-01T00:00:00.123Z", "2026-04-01T00:00:00.1230000+00:00")]
    [InlineData("2026-03-31T20:00:00-04:00", "2026-04-01T00:00:00.0000000+00:00")]
    public void TryParse_WithOffset_ReturnsInstant(string value, string expectedUtc)
    {
        Assert.True(Rfc3339.TryParse(value, out var instant));
        Assert.Equal(expectedUtc, instant.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-04-01T09:00:00")]
    [InlineData("2026-04-01")]
    [InlineData("2026-04-01 09:00:00+09:00")]
    [InlineData("2026-04-01T09:00:00+0900")]
    [InlineData("2026-04-01T09:00+09:00")]
    [InlineData("04/01/2026 09:00:00 +09:00")]
    [InlineData("2026-04-01T25:00:00Z")]
    public void TryParse_WithoutOffsetOrMalformed_ReturnsFalse(string? value) =>
        Assert.False(Rfc3339.TryParse(value, out _));
}
