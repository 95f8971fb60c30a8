namespace MynaPlatform.Identity.Agencies;

/// <summary>An agency (partner) client as other services and operators see it.</summary>
public sealed record Agency(string ClientId, string DisplayName, string? LocalGovernmentCode, IReadOnlyList<string> Scopes);

/// <summary>An operator's request to register an agency client.</summary>
/// <param name="DisplayName">The agency's name in Japanese, as shown to people (e.g. 千代田区).</param>
/// <param name="LocalGovernmentCode">For a local government, its six-digit 全国地方公共団体コード.</param>
/// <param name="Scopes">Scopes to grant, from notices:write, self-info:write, self-info:read and access-log:write.</param>
public sealed record RegisterAgencyRequest(string? DisplayName, string? LocalGovernmentCode, IReadOnlyList<string>? Scopes);

/// <summary>A registered agency with its client secret, which is returned only here, once.</summary>
public sealed record RegisteredAgency(string ClientId, string ClientSecret, string DisplayName, string? LocalGovernmentCode, IReadOnlyList<string> Scopes);

/// <summary>An agency's request for its own identifier of a resident.</summary>
public sealed record EnrollmentRequest(string? IndividualNumber);

/// <summary>The agency's identifier of the person; it reveals neither the PersonId nor the individual number.</summary>
public sealed record EnrollmentResponse(string AgencyPersonId);

/// <summary>A request the identity service rejects, with the field, the fix in Japanese and a stable reason.</summary>
public sealed class AgencyRequestException(
    int status, string reason, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception($"Agency request rejected: {reason}")
{
    /// <summary>Each invalid field with its fix, or null when the rejection is not about fields.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public int Status { get; } = status;

    public string Reason { get; } = reason;

    public string Title { get; } = title;

    public string Detail { get; } = detail;
}
