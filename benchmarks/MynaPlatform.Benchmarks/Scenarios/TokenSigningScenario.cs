using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MynaPlatform.Authentication;

namespace MynaPlatform.Benchmarks.Scenarios;

/// <summary>
/// Signs and verifies access tokens of the platform's shape with RS256 (RSA-2048, the baseline)
/// and ES256 (P-256), through the JsonWebTokenHandler that the platform uses. It also prints the
/// cost of one login followed by requests that are each verified twice (gateway and service).
/// </summary>
public static class TokenSigningScenario
{
    public const string Name = "token-signing";

    /// <summary>Requests per login for the mix line; an estimate of a short portal visit.</summary>
    private const int RequestsPerLogin = 20;

    private const string Issuer = "http://localhost:5080/";
    private const string Audience = "identity";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var algorithms = new (string Name, SecurityKey Key)[]
        {
            (SecurityAlgorithms.RsaSha256, new RsaSecurityKey(rsa) { KeyId = "rsa" }),
            (SecurityAlgorithms.EcdsaSha256, new ECDsaSecurityKey(ecdsa) { KeyId = "ec" }),
        };

        var handler = new JsonWebTokenHandler();
        var results = new List<(string Algorithm, Measurement Sign, Measurement Verify)>();
        foreach (var (algorithm, key) in algorithms)
        {
            var descriptor = BenchmarkTokens.Describe(new SigningCredentials(key, algorithm), Issuer, Audience);
            var token = handler.CreateToken(descriptor);
            var parameters = ValidationParameters(key, algorithm);

            var sign = Measure($"{algorithm} sign", settings.Duration, () => handler.CreateToken(descriptor));
            var verify = await MeasureAsync($"{algorithm} verify", settings.Duration, async () =>
            {
                var result = await handler.ValidateTokenAsync(token, parameters);
                if (!result.IsValid)
                {
                    throw new InvalidOperationException($"The {algorithm} token did not validate: {result.Exception?.Message}");
                }
            });

            results.Add((algorithm, sign, verify));
        }

        var baseline = results[0];
        await output.WriteLineAsync("algorithm  sign/s      verify/s    sign µs   verify µs  sign ratio  verify ratio  login+requests µs  mix ratio");
        foreach (var (algorithm, sign, verify) in results)
        {
            var mix = MixMicroseconds(sign, verify);
            await output.WriteLineAsync(
                $"{algorithm,-9}  {sign.PerSecond,10:0}  {verify.PerSecond,10:0}  {sign.MicrosecondsEach,8:0.0}  {verify.MicrosecondsEach,9:0.0}" +
                $"  {sign.MicrosecondsEach / baseline.Sign.MicrosecondsEach,10:0.00}  {verify.MicrosecondsEach / baseline.Verify.MicrosecondsEach,12:0.00}" +
                $"  {mix,17:0}  {mix / MixMicroseconds(baseline.Sign, baseline.Verify),9:0.00}");
        }

        await output.WriteLineAsync($"Ratios are cost against {baseline.Algorithm} (above 1 is slower). The mix is 1 sign and {RequestsPerLogin} requests x 2 verifications.");
        return [.. results.SelectMany(result => new[] { result.Sign, result.Verify })];
    }

    private static double MixMicroseconds(Measurement sign, Measurement verify) =>
        sign.MicrosecondsEach + (RequestsPerLogin * 2 * verify.MicrosecondsEach);

    private static TokenValidationParameters ValidationParameters(SecurityKey key, string algorithm) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [algorithm],
        ValidTypes = [PlatformAuthenticationExtensions.AccessTokenType],
    };

    private static Measurement Measure(string operation, TimeSpan duration, Action action)
    {
        action();
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration || count == 0)
        {
            action();
            count++;
        }

        return new Measurement(operation, count, clock.Elapsed);
    }

    private static async Task<Measurement> MeasureAsync(string operation, TimeSpan duration, Func<Task> action)
    {
        await action();
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration || count == 0)
        {
            await action();
            count++;
        }

        return new Measurement(operation, count, clock.Elapsed);
    }
}
