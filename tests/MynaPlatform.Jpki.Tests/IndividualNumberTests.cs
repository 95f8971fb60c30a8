using Xunit;

namespace MynaPlatform.Jpki.Tests;

public sealed class IndividualNumberTests
{
    [Fact]
    public void CheckDigit_PublishedExample_IsEight()
    {
        // Base 12345678901: weighted sum 212, remainder 3, check digit 11 - 3 = 8.
        Assert.Equal(8, IndividualNumber.ComputeCheckDigit("12345678901"));
        Assert.True(IndividualNumber.IsValid("123456789018"));
    }

    [Theory]
    [InlineData("123456789017")]
    [InlineData("12345678901")]
    [InlineData("12345678901A")]
    public void IsValid_WrongNumber_ReturnsFalse(string number)
    {
        Assert.False(IndividualNumber.IsValid(number));
    }

    [Fact]
    public void CheckDigit_RemainderZeroOrOne_IsZero()
    {
        // 00000000000 sums to 0 (remainder 0); 20000000000 sums to 12 (remainder 1).
        Assert.Equal(0, IndividualNumber.ComputeCheckDigit("00000000000"));
        Assert.Equal(0, IndividualNumber.ComputeCheckDigit("20000000000"));

        // 10000000000 sums to 6 (remainder 6), so the check digit is 11 - 6 = 5.
        Assert.Equal(5, IndividualNumber.ComputeCheckDigit("10000000000"));
    }

    [Fact]
    public void CreateFictitious_ManyNumbers_AllValid()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.True(IndividualNumber.IsValid(IndividualNumber.CreateFictitious()));
        }
    }
}
