namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>
/// Both JPKI certificates are valid until the holder's fifth birthday after the day of issue.
/// </summary>
public static class ValidityRule
{
    /// <summary>Japan Standard Time, in which birthdays and the day of issue are counted.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static DateOnly FifthBirthdayAfter(DateOnly dateOfBirth, DateOnly issueDate)
    {
        var birthdayInIssueYear = BirthdayIn(dateOfBirth, issueDate.Year);
        var firstBirthdayAfterIssue = birthdayInIssueYear > issueDate
            ? birthdayInIssueYear
            : BirthdayIn(dateOfBirth, issueDate.Year + 1);

        return BirthdayIn(dateOfBirth, firstBirthdayAfterIssue.Year + 4);
    }

    /// <summary>Returns the last second of the fifth birthday after <paramref name="issuedAt"/>, in JST.</summary>
    public static DateTimeOffset NotAfter(DateOnly dateOfBirth, DateTimeOffset issuedAt)
    {
        var issueDate = DateOnly.FromDateTime(issuedAt.ToOffset(JapanOffset).DateTime);
        var lastDay = FifthBirthdayAfter(dateOfBirth, issueDate);
        return new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59, 59)), JapanOffset);
    }

    // NOTE: a 29 February birthday falls on 28 February in common years here. The legal rule for
    // certificate expiry on such birthdays was not checked against a primary source.
    private static DateOnly BirthdayIn(DateOnly dateOfBirth, int year) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 2, 28)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
}
