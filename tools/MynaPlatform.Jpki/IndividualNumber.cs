using System.Security.Cryptography;

namespace MynaPlatform.Jpki;

/// <summary>
/// The 12-digit individual number (個人番号): 11 base digits and a check digit computed as set out
/// in 個人番号の生成に関する総務省令 第5条.
/// </summary>
public static class IndividualNumber
{
    public const int Length = 12;

    // Weights applied left to right to the 11 base digits.
    private static readonly int[] Weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    public static int ComputeCheckDigit(ReadOnlySpan<char> baseDigits)
    {
        if (baseDigits.Length != Length - 1 || !IsAllDigits(baseDigits))
        {
            throw new ArgumentException("The base of an individual number must be exactly 11 digits.", nameof(baseDigits));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (baseDigits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    public static bool IsValid(ReadOnlySpan<char> number) =>
        number.Length == Length
        && IsAllDigits(number)
        && ComputeCheckDigit(number[..^1]) == number[^1] - '0';

    /// <summary>Creates a random fictitious number with a valid check digit.</summary>
    public static string CreateFictitious()
    {
        Span<char> digits = stackalloc char[Length];
        for (var i = 0; i < Length - 1; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        digits[^1] = (char)('0' + ComputeCheckDigit(digits[..^1]));
        return new string(digits);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
