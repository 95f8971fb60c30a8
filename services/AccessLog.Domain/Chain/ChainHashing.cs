using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MynaPlatform.AccessLog.Domain.Records;

namespace MynaPlatform.AccessLog.Domain.Chain;

/// <summary>
/// The three SHA-256 computations of the chain. Hashes and salts are lowercase hexadecimal strings
/// in every public shape; the byte layouts below are the ones docs/access-log-verification.md specifies.
/// </summary>
public static class ChainHashing
{
    public const int HashSize = 32;
    public const int SaltSize = 32;

    private static readonly byte[] GenesisTag = Encoding.ASCII.GetBytes("myna-log/genesis/v1");
    private static readonly byte[] EntryTag = Encoding.ASCII.GetBytes("myna-log/entry/v1");

    /// <summary>
    /// Computes the hash that entry 1 links to: SHA-256("myna-log/genesis/v1" || chain id in ASCII).
    /// Binding the chain id means entries cannot be moved into another person's chain.
    /// </summary>
    public static string Genesis(string chainId)
    {
        ChainIds.Validate(chainId);
        return Hex(SHA256.HashData([.. GenesisTag, .. Encoding.ASCII.GetBytes(chainId)]));
    }

    /// <summary>Computes the content commitment SHA-256(salt || canonical content).</summary>
    public static string Commitment(string salt, ReadOnlySpan<byte> canonicalContent)
    {
        var saltBytes = FromHex(salt, SaltSize, nameof(salt));
        return Hex(SHA256.HashData([.. saltBytes, .. canonicalContent]));
    }

    /// <summary>
    /// Computes an entry's hash: SHA-256 of the ASCII tag "myna-log/entry/v1", the previous hash
    /// (32 bytes), the sequence number (unsigned 64-bit big-endian), the recorded time (signed
    /// 64-bit big-endian milliseconds since the Unix epoch) and the commitment (32 bytes).
    /// </summary>
    public static string Entry(string previousHash, long sequence, DateTimeOffset recordedAt, string commitment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);

        var input = new byte[EntryTag.Length + HashSize + 8 + 8 + HashSize];
        var span = input.AsSpan();
        EntryTag.CopyTo(span);
        span = span[EntryTag.Length..];

        FromHex(previousHash, HashSize, nameof(previousHash)).CopyTo(span);
        BinaryPrimitives.WriteUInt64BigEndian(span[HashSize..], (ulong)sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[(HashSize + 8)..], Instants.ToUnixMilliseconds(recordedAt));
        FromHex(commitment, HashSize, nameof(commitment)).CopyTo(span[(HashSize + 16)..]);

        return Hex(SHA256.HashData(input));
    }

    /// <summary>Makes a new random salt for one record.</summary>
    public static string NewSalt() => Hex(RandomNumberGenerator.GetBytes(SaltSize));

    /// <summary>Tells whether <paramref name="value"/> is lowercase hexadecimal of exactly <paramref name="byteCount"/> bytes.</summary>
    public static bool IsHex(string? value, int byteCount = HashSize) =>
        value is not null && value.Length == byteCount * 2 && value.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] FromHex(string value, int byteCount, string name) => IsHex(value, byteCount)
        ? Convert.FromHexString(value)
        : throw new ArgumentException($"{name} must be {byteCount * 2} lowercase hexadecimal digits.", name);
}
