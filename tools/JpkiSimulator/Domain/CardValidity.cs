using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.JpkiSimulator.Domain;

/// <summary>The validity period of a new card's certificates, including the deliberately wrong test ones.</summary>
public sealed record CardValidity(DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public static CardValidity For(TestValidity option, DateOnly dateOfBirth, DateTimeOffset now)
    {
        // X.509 validity has one-second resolution.
        var issuedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));

        return option switch
        {
            TestValidity.Expired => new CardValidity(issuedAt.AddYears(-5), issuedAt.AddDays(-1)),
            TestValidity.NotYetValid => new CardValidity(issuedAt.AddDays(30), ValidityRule.NotAfter(dateOfBirth, issuedAt.AddDays(30))),
            _ => new CardValidity(issuedAt, ValidityRule.NotAfter(dateOfBirth, issuedAt)),
        };
    }
}
