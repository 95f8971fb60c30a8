namespace MynaPlatform.Reference;

/// <summary>
/// The six-digit 全国地方公共団体コード: five digits and a check digit. The check digit is the last
/// digit of 11 − (weighted sum mod 11) with weights 6, 5, 4, 3, 2, so a remainder of 0 gives 1 and a
/// remainder of 1 gives 0. Example: 13101 has remainder 5, so 千代田区 is 131016. The individual
/// number uses a different rule for remainder 0.
/// </summary>
public static class LocalGovernmentCode
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2];

    /// <summary>Returns true when <paramref name="code"/> is six ASCII digits with a correct check digit.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && code[5] - '0' == CheckDigit(code.AsSpan(0, 5));

    /// <summary>Computes the check digit of five ASCII digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> fiveDigits)
    {
        if (fiveDigits.Length != 5 || fiveDigits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The base of a local government code is five digits.", nameof(fiveDigits));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (fiveDigits[i] - '0') * Weights[i];
        }

        return (11 - (sum % 11)) % 10;
    }
}
