using System.Security.Cryptography;
using System.Text;
using MynaPlatform.Contracts.Access;
using MynaPlatform.Hosting;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Jpki;
using MynaPlatform.ServiceDefaults.Problems;

namespace MynaPlatform.Identity.Agencies;

/// <summary>
/// Gives an agency its own identifier for a resident it names by individual number. The identifier
/// is an HMAC of the PersonId under a random key of that agency, so it differs per agency, stays the
/// same for one agency, and reveals neither the PersonId nor the number. Each enrollment is an access
/// event that the person sees.
/// </summary>
public sealed class AgencyEnrollment(
    AgencyDirectory agencies,
    PersonDirectory persons,
    IAgencyIdentifierRepository identifiers,
    TimeProvider clock)
{
    public const string PersonNotRegistered = "person_not_registered";

    public async Task<string> EnrollAsync(string clientId, string? individualNumber, CancellationToken cancellationToken)
    {
        if (!IndividualNumber.IsValid(individualNumber))
        {
            var problem = InvalidFields.From([("individualNumber", "12 桁の個人番号を半角数字で指定してください。最後の 1 桁はチェックデジットです。")]);
            throw new AgencyRequestException(StatusCodes.Status400BadRequest, "invalid_request", problem.Title, problem.Detail, problem.Errors);
        }

        _ = await agencies.FindAsync(clientId, cancellationToken)
            ?? throw new AgencyRequestException(StatusCodes.Status403Forbidden, "not_an_agency", "機関として登録されていません。",
                "このクライアントは機関 (identity:partner) として登録されていません。運用担当者に登録を依頼してください。");
        var personId = await persons.FindByNumberAsync(individualNumber!, cancellationToken)
            ?? throw new AgencyRequestException(StatusCodes.Status404NotFound, PersonNotRegistered, "利用者が登録されていません。",
                "この個人番号の方はまだプラットフォームに利用者登録 (初回ログイン) をしていません。本人の初回ログイン後に再度登録してください。");

        var key = await agencies.IdentifierKeyAsync(clientId, cancellationToken);
        var agencyPersonId = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(personId)).AsSpan(0, 16));
        var now = clock.GetUtcNow();

        var access = new PersonDataAccessed(
            Guid.NewGuid(), personId, new Accessor(AccessorKind.Agency, clientId),
            "利用者登録", ["機関別の利用者識別子"], "個人番号による利用者の特定と機関別識別子の発行",
            now, CorrelationId.Current ?? "", ResourceNames.Identity);
        await identifiers.EnrollAsync(clientId, agencyPersonId, personId, access, cancellationToken);

        return agencyPersonId;
    }

    /// <summary>Returns the PersonId of each identifier the agency holds; identifiers of other agencies are not found.</summary>
    public Task<IReadOnlyDictionary<string, string>> ResolveAsync(string clientId, IReadOnlyCollection<string> agencyPersonIds, CancellationToken cancellationToken) =>
        identifiers.ResolveAsync(clientId, agencyPersonIds, cancellationToken);
}
