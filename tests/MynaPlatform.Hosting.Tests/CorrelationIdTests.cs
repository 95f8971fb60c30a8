using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Hosting.Tests;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("abc-123_X.y")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void IsValid_SafeId_ReturnsTrue(string value) => Assert.True(CorrelationId.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("<script>")]
    public void IsValid_UnsafeId_ReturnsFalse(string? value) => Assert.False(CorrelationId.IsValid(value));

    [Fact]
    public void NewId_Always_IsValid() => Assert.True(CorrelationId.IsValid(CorrelationId.NewId()));
}
