using MynaPlatform.Hosting;

namespace MynaPlatform.Authentication;

/// <summary>
/// The scopes a token can carry. Each belongs to one service, whose resource name is the token's
/// audience for it, so a token carries one audience per service it may call.
/// </summary>
public static class PlatformScopes
{
    /// <summary>A person reads and manages their own account and sessions.</summary>
    public const string Account = "identity:account";

    /// <summary>An operator runs the platform's operator functions (self-check, key rotation).</summary>
    public const string Operator = "identity:operator";

    /// <summary>A partner (agency) client reads its own registration.</summary>
    public const string Partner = "identity:partner";

    /// <summary>A person reads their notices.</summary>
    public const string NoticesRead = "notices:read";

    /// <summary>An agency pushes notices.</summary>
    public const string NoticesWrite = "notices:write";

    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>
    {
        [Account] = ResourceNames.Identity,
        [Operator] = ResourceNames.Identity,
        [Partner] = ResourceNames.Identity,
        [NoticesRead] = ResourceNames.Notices,
        [NoticesWrite] = ResourceNames.Notices,
    };

    public static readonly IReadOnlyList<string> PersonScopes = [Account, NoticesRead];
}
