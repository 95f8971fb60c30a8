using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using MynaPlatform.Jpki;

namespace MynaPlatform.Platform.Tests;

/// <summary>A secret value planted in a test run, with the pattern that finds it in captured output.</summary>
public sealed record Canary(string Name, Regex Pattern)
{
    private const int MinimumLength = 12;
    private const int ExcerptCharacters = 40;

    /// <summary>Creates a canary that matches <paramref name="value"/> exactly, or in any letter case.</summary>
    public static Canary Literal(string name, string value, bool ignoreCase = false)
    {
        // A short value would match by chance in megabytes of output.
        if (value.Length < MinimumLength)
        {
            throw new ArgumentException($"The canary {name} has {value.Length} characters, but at least {MinimumLength} are needed.", nameof(value));
        }

        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Canary(name, new Regex(Regex.Escape(value), options));
    }

    /// <summary>
    /// Creates a canary for a value too short to search alone, such as a 4-digit PIN. It matches
    /// only after a key that contains "pin" and at most a few separator characters (<c>=</c>,
    /// <c>": "</c> or protobuf length bytes).
    /// </summary>
    public static Canary AfterPinKey(string name, string value) =>
        new(name, new Regex($"pin[A-Za-z_]{{0,12}}[^A-Za-z0-9]{{1,6}}{Regex.Escape(value)}(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));

    /// <summary>
    /// Creates canaries for a token. They match the whole string and the middle of every random
    /// segment, because a log may cut a token. A JWT's header and payload are left out of the
    /// parts because the header is the same in many tokens and tokens of one person share claims.
    /// </summary>
    public static IEnumerable<Canary> ForToken(string name, string token)
    {
        yield return Literal(name, token);

        // A JWS has three segments and only its signature is random. A JWE (five) is random after its header.
        var segments = token.Split('.');
        var first = segments.Length switch { 1 => 0, 3 => 2, _ => 1 };
        for (var index = first; index < segments.Length; index++)
        {
            var segment = segments[index];
            if (segment.Length >= 2 * MinimumLength)
            {
                yield return Literal($"{name} (part {index + 1})", segment.Substring((segment.Length - MinimumLength * 2) / 2, MinimumLength * 2));
            }
        }
    }

    /// <summary>Creates canaries for a certificate's serial number in every form .NET or the platform prints it.</summary>
    public static IEnumerable<Canary> ForSerialNumber(string name, X509Certificate2 certificate)
    {
        var bigEndian = Convert.FromHexString(certificate.SerialNumber);
        var littleEndian = certificate.GetSerialNumber();
        var forms = new[]
        {
            CertificateSerialNumber.Canonical(certificate),
            certificate.SerialNumber,
            Convert.ToHexString(littleEndian),
            string.Join(':', bigEndian.Select(octet => octet.ToString("X2", CultureInfo.InvariantCulture))),
            new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture),
        };

        return forms.Distinct(StringComparer.OrdinalIgnoreCase).Select(form => Literal(name, form, ignoreCase: true));
    }

    /// <summary>Returns where the canary occurs in <paramref name="text"/>, with the secret masked.</summary>
    public string? FindIn(string text, string location)
    {
        var match = Pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var start = Math.Max(0, match.Index - ExcerptCharacters);
        var end = Math.Min(text.Length, match.Index + match.Length + ExcerptCharacters);
        var excerpt = new StringBuilder()
            .Append(Printable(text[start..match.Index]))
            .Append($"<{Name}>")
            .Append(Printable(text[(match.Index + match.Length)..end]));
        return $"{Name} found in {location}: …{excerpt}…";
    }

    /// <summary>Replaces control characters and protobuf framing bytes with dots.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(character => character is >= ' ' and <= '~' ? character : '.'));
}
