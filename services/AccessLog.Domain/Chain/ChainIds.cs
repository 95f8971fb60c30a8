using System.Security.Cryptography;

namespace MynaPlatform.AccessLog.Domain.Chain;

/// <summary>
/// Chain ids: 32 random lowercase hexadecimal digits (128 bits), one per person. The service keeps
/// the mapping to the person, so a chain id reveals nothing about the PersonId.
/// </summary>
public static class ChainIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValid(string? chainId) => ChainHashing.IsHex(chainId, byteCount: 16);

    public static void Validate(string chainId)
    {
        if (!IsValid(chainId))
        {
            throw new ArgumentException("A chain id must be 32 lowercase hexadecimal digits.", nameof(chainId));
        }
    }
}
