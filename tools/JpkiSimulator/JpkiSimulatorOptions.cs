using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.JpkiSimulator;

public sealed class JpkiSimulatorOptions
{
    public const string SectionName = "JpkiSimulator";

    /// <summary>
    /// Base address that verifiers use to reach the simulator; it goes into each certificate's CRL
    /// distribution point. When unset, the address of the issuing request is used.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Registered verifiers: name to secret key, sent as <c>Authorization: Bearer {key}</c>.</summary>
    public Dictionary<string, string> Verifiers { get; set; } = [];

    /// <summary>
    /// Address of the platform's identity service, to which the hotline forwards each hold and the
    /// counter each lift, presenting the key of the verifier <see cref="PlatformVerifier"/>. Unset: nothing is forwarded.
    /// </summary>
    public Uri? PlatformUrl { get; set; }

    public string PlatformVerifier { get; set; } = "identity";
}

public sealed class SimulatorStorageOptions
{
    /// <summary>Configuration section that contains <see cref="DataDirectory"/>.</summary>
    public const string SectionName = "Platform";

    [Required(AllowEmptyStrings = false, ErrorMessage =
        "Platform:DataDirectory is not set. Set it to the folder where the JPKI simulator keeps its CA keys and residents.")]
    public string? DataDirectory { get; set; }

    public string SimulatorDirectory() => Path.Combine(Path.GetFullPath(DataDirectory!), "jpki-simulator");
}
