using System.Text.RegularExpressions;

namespace MynaPlatform.MynaCard.Card;

/// <summary>
/// JPKI PIN rules. The login PIN is 4 digits and locks after 3 consecutive failures. The signature
/// password is 6–16 upper-case letters and digits and locks after 5.
/// </summary>
public static partial class PinRules
{
    public static int MaxAttempts(CardKey key) => key == CardKey.Login ? 3 : 5;

    public static bool IsWellFormed(CardKey key, string? pin) =>
        pin is not null && (key == CardKey.Login ? LoginPin().IsMatch(pin) : SignaturePin().IsMatch(pin));

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex LoginPin();

    [GeneratedRegex("^[A-Z0-9]{6,16}$")]
    private static partial Regex SignaturePin();
}
