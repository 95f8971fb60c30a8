using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MynaPlatform.Jpki;

namespace MynaPlatform.MynaCard.Card;

/// <summary>
/// A card file in use: checks a PIN against its retry counter, then signs with the unlocked key.
/// </summary>
public sealed class VirtualCard(string path, CardFile card)
{
    public string Path { get; } = path;

    public CardFile File { get; } = card;

    public static VirtualCard Open(string path) => new(path, CardStore.Load(path));

    public int RemainingAttempts(CardKey key) => Math.Max(0, PinRules.MaxAttempts(key) - File.Slot(key).FailedAttempts);

    public X509Certificate2 Certificate(CardKey key) => X509Certificate2.CreateFromPem(File.Slot(key).Certificate);

    public X509Certificate2 CaCertificate(CardKey key) => X509Certificate2.CreateFromPem(File.Slot(key).CaCertificate);

    /// <summary>Signs <paramref name="data"/> with SHA-256 and PKCS#1 v1.5 padding after checking the PIN.</summary>
    public byte[] Sign(CardKey key, string pin, byte[] data)
    {
        using var privateKey = Unlock(key, pin);
        return privateKey.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private RSA Unlock(CardKey key, string pin)
    {
        if (!PinRules.IsWellFormed(key, pin))
        {
            // A malformed PIN never reaches the card, so it costs no attempt.
            throw new CardException(JpkiReasonCodes.PinFormatInvalid) { Key = key };
        }

        var slot = File.Slot(key);
        if (RemainingAttempts(key) == 0)
        {
            throw new CardException(JpkiReasonCodes.PinLocked, remainingAttempts: 0) { Key = key };
        }

        // Count the attempt before trying it, as a smart card does, so that stopping the process
        // during the check cannot give a free guess.
        slot.FailedAttempts++;
        CardStore.Save(Path, File);

        var privateKey = TryDecrypt(slot, pin);
        if (privateKey is null)
        {
            var remaining = RemainingAttempts(key);
            throw new CardException(remaining == 0 ? JpkiReasonCodes.PinLocked : JpkiReasonCodes.PinIncorrect, remainingAttempts: remaining) { Key = key };
        }

        slot.FailedAttempts = 0;
        CardStore.Save(Path, File);
        return privateKey;
    }

    private static RSA? TryDecrypt(CardKeySlot slot, string pin)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromEncryptedPem(slot.EncryptedPrivateKey, pin);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }

        // A wrong PIN almost always fails to decrypt; matching the certificate's key makes sure.
        using var certificate = X509Certificate2.CreateFromPem(slot.Certificate);
        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null || !publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            key.Dispose();
            return null;
        }

        return key;
    }
}
