using MynaPlatform.Hosting;
using MynaPlatform.MynaDemo.Catalog;

namespace MynaPlatform.MynaDemo.Seeding;

/// <summary>
/// What the demo must remember between runs, kept as <c>DEMO_*</c> entries of <c>platform.env</c>
/// through <see cref="PlatformEnvFile"/>: the resident's card and PINs, and for each agency its
/// client credentials (returned only once, at registration) and its own identifier of the resident.
/// </summary>
public sealed class DemoState(string envFilePath)
{
    public const string CardKey = "DEMO_CARD";
    public const string PinKey = "DEMO_PIN";
    public const string SignaturePinKey = "DEMO_SIGN_PIN";

    public string? Get(string key) =>
        PlatformEnvFile.Read(envFilePath).TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public void Set(IReadOnlyDictionary<string, string> values) => PlatformEnvFile.Set(envFilePath, values);

    public static string ClientIdKey(DemoAgency agency) => $"DEMO_AGENCY_{agency.Key}_CLIENT_ID";

    public static string ClientSecretKey(DemoAgency agency) => $"DEMO_AGENCY_{agency.Key}_CLIENT_SECRET";

    public static string PersonIdKey(DemoAgency agency) => $"DEMO_AGENCY_{agency.Key}_PERSON_ID";
}
