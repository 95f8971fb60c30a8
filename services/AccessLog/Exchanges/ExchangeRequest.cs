namespace MynaPlatform.AccessLog.Exchanges;

/// <summary>
/// An exchange record pushed by an agency that took part in it. The person is named by the
/// calling agency's own identifier (from enrollment). Instants are ISO 8601 with <c>Z</c> or an
/// offset; <see cref="WithheldUntil"/>, a Japan date, makes the record withheld (不開示) until then.
/// </summary>
/// <param name="RecordId">The agency's own id of the record, unique per agency; a retry sends the same id.</param>
/// <param name="AgencyPersonId">The calling agency's identifier of the person.</param>
/// <param name="RequesterAgencyId">Registered agency id of the requester (情報照会者).</param>
/// <param name="ProviderAgencyId">Registered agency id of the provider (情報提供者).</param>
/// <param name="RequestedAt">When the information was requested.</param>
/// <param name="ProvidedAt">When the information was provided.</param>
/// <param name="AdministrativeTask">The administrative task (事務) by name.</param>
/// <param name="DataItems">The data items (特定個人情報名) by name.</param>
/// <param name="WithheldUntil">Japan date (<c>yyyy-MM-dd</c>) from which the person may see the record.</param>
public sealed record ExchangeRequest(
    string? RecordId,
    string? AgencyPersonId,
    string? RequesterAgencyId,
    string? ProviderAgencyId,
    string? RequestedAt,
    string? ProvidedAt,
    string? AdministrativeTask,
    IReadOnlyList<string?>? DataItems,
    string? WithheldUntil);

/// <summary>The stored record: the agency's id and when the access log recorded it.</summary>
public sealed record ExchangeReceipt(string RecordId, DateTimeOffset RecordedAt);
