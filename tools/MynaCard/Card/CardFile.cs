using System.Text.Json;

namespace MynaPlatform.MynaCard.Card;

/// <summary>
/// The saved form of a virtual card. Private keys are PKCS#8 encrypted under their PINs; the
/// individual number is kept as a real card has it printed on its back.
/// </summary>
public sealed class CardFile
{
    public const string CurrentFormat = "myna-card/1";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Format { get; init; }

    public required string CardId { get; init; }

    public required string IndividualNumber { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required CardKeySlot Login { get; init; }

    public required CardKeySlot Signature { get; init; }

    public CardKeySlot Slot(CardKey key) => key == CardKey.Login ? Login : Signature;
}

/// <summary>One key of the card with its certificate, its issuer and its PIN retry counter.</summary>
public sealed class CardKeySlot
{
    public required string Certificate { get; init; }

    public required string CaCertificate { get; init; }

    public required string EncryptedPrivateKey { get; init; }

    /// <summary>Consecutive wrong PIN entries; only a correct entry resets it.</summary>
    public int FailedAttempts { get; set; }
}

public enum CardKey
{
    /// <summary>The login key (利用者証明用), unlocked by a 4-digit PIN.</summary>
    Login,

    /// <summary>The signature key (署名用), unlocked by a 6–16 character password.</summary>
    Signature,
}
