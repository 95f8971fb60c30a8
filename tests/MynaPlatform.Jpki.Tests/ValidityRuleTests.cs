using MynaPlatform.JpkiSimulator.Domain;
using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class ValidityRuleTests
{
    [Theory]
    [InlineData("1990-06-01", "2026-12-04", "2031-06-01")]
    [InlineData("1990-12-05", "2026-12-04", "2030-12-05")]
    [InlineData("1990-12-04", "2026-12-04", "2031-12-04")]
    [InlineData("2000-01-01", "2026-12-31", "2031-01-01")]
    public void FifthBirthdayAfter_IssueDate_IsExpiry(string dateOfBirth, string issueDate, string expected)
    {
        var expiry = ValidityRule.FifthBirthdayAfter(DateOnly.Parse(dateOfBirth), DateOnly.Parse(issueDate));

        Assert.Equal(DateOnly.Parse(expected), expiry);
    }

    [Fact]
    public void NotAfter_LateUtcIssue_CountsJapaneseDate()
    {
        // 2026-06-01T16:00Z is already 2 June in Japan, so a 2 June birthday is the day of issue
        // and does not count. Counted in UTC, it would be the first birthday after issue.
        var notAfter = ValidityRule.NotAfter(new DateOnly(1990, 6, 2), new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2031, 6, 2, 23, 59, 59, TimeSpan.FromHours(9)), notAfter);
    }
}
