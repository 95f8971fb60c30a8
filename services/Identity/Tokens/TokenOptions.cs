using System.ComponentModel.DataAnnotations;

namespace MynaPlatform.Identity.Tokens;

/// <summary>Token lifetimes and the seeded clients, bound from <c>Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Tokens";

    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Signing keys kept (and published) after rotation, the active one included.</summary>
    [Range(2, 10)]
    public int RetainedSigningKeys { get; set; } = 3;

    /// <summary>The clients created or updated at start, by client id.</summary>
    public Dictionary<string, SeededClient> Clients { get; set; } = [];
}

public enum ClientKind
{
    /// <summary>The public <c>myna-card</c> client: JPKI grant and refresh tokens.</summary>
    Card,

    /// <summary>The confidential portal: device authorization grant and refresh tokens.</summary>
    Portal,

    /// <summary>An operator's console: client credentials with the operator scope.</summary>
    Operator,

    /// <summary>An agency (partner): client credentials with partner scopes.</summary>
    Agency,
}

public sealed class SeededClient
{
    [Required]
    public ClientKind? Kind { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string? DisplayName { get; set; }

    /// <summary>Secret of a confidential client; the AppHost generates it. Ignored for the card client.</summary>
    public string? Secret { get; set; }
}
