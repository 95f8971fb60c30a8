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

    /// <summary>An agency publishes the records it holds about a person (あなたの情報).</summary>
    public const string SelfInfoWrite = "self-info:write";

    /// <summary>An agency reads back the records it published; every read is an access event.</summary>
    public const string SelfInfoRead = "self-info:read";

    /// <summary>A person reads, searches and flags the records agencies hold about them (あなたの情報).</summary>
    public const string SelfInfoOwn = "self-info:own";

    /// <summary>An operator reads a person's records for a stated reason and reviews flags; every read is an access event.</summary>
    public const string SelfInfoOperator = "self-info:operator";

    /// <summary>An agency records information exchanges (やりとり履歴).</summary>
    public const string AccessLogWrite = "access-log:write";

    /// <summary>A person reads and verifies their own access log.</summary>
    public const string AccessLogRead = "access-log:read";

    /// <summary>An operator reads the access log's counts (never a record) and runs its retention.</summary>
    public const string AccessLogOperator = "access-log:operator";

    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>
    {
        [Account] = ResourceNames.Identity,
        [Operator] = ResourceNames.Identity,
        [Partner] = ResourceNames.Identity,
        [NoticesRead] = ResourceNames.Notices,
        [NoticesWrite] = ResourceNames.Notices,
        [SelfInfoWrite] = ResourceNames.SelfInfo,
        [SelfInfoRead] = ResourceNames.SelfInfo,
        [SelfInfoOwn] = ResourceNames.SelfInfo,
        [SelfInfoOperator] = ResourceNames.SelfInfo,
        [AccessLogWrite] = ResourceNames.AccessLog,
        [AccessLogRead] = ResourceNames.AccessLog,
        [AccessLogOperator] = ResourceNames.AccessLog,
    };

    /// <summary>The scopes an operator can grant to an agency client, beside <see cref="Partner"/>, which every agency has.</summary>
    public static readonly IReadOnlyList<string> AgencyScopes = [NoticesWrite, SelfInfoWrite, SelfInfoRead, AccessLogWrite];

    public static readonly IReadOnlyList<string> PersonScopes = [Account, NoticesRead, SelfInfoOwn, AccessLogRead];

    /// <summary>The scopes of the seeded operator client.</summary>
    public static readonly IReadOnlyList<string> OperatorScopes = [Operator, SelfInfoOperator, AccessLogOperator];
}
