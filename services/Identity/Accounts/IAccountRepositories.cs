namespace MynaPlatform.Identity.Accounts;

/// <summary>Persons by the keyed digest of their individual number, which is unique, on SQLite or MongoDB.</summary>
public interface IPersonRepository
{
    /// <summary>Returns the PersonId stored for the digest, or null when the person has no account.</summary>
    Task<string?> FindByDigestAsync(string numberDigest, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the PersonId stored for the digest, storing <paramref name="newPersonId"/> first when
    /// there is none. Concurrent calls with one digest all return the PersonId of the one that stored it.
    /// </summary>
    Task<string> FindOrCreateAsync(string numberDigest, string newPersonId, DateTimeOffset createdAt, CancellationToken cancellationToken);
}

/// <summary>
/// The person each login certificate belongs to, by the certificate's SHA-256 thumbprint, on SQLite
/// or MongoDB. Written at a certificate's first login, after J-LIS returned the individual number
/// behind it, so that the card's later logins need no lookup.
/// </summary>
public interface ICertificateLinkRepository
{
    /// <summary>Returns the PersonId linked to the certificate, or null when it has not logged in before.</summary>
    Task<string?> FindPersonAsync(string thumbprint, CancellationToken cancellationToken);

    /// <summary>
    /// Links the certificate to the person. A certificate already linked keeps its first link, which
    /// concurrent first logins of one card all found through the same individual number.
    /// </summary>
    Task LinkAsync(string thumbprint, string personId, DateTimeOffset linkedAt, CancellationToken cancellationToken);
}

/// <summary>The nickname and e-mail address of each person, on SQLite or MongoDB.</summary>
public interface IAccountDetailsRepository
{
    /// <summary>Returns the person's details, with both values null when none are stored.</summary>
    Task<AccountDetails> GetAsync(string personId, CancellationToken cancellationToken);

    Task SetNicknameAsync(string personId, string? nickname, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Uses up one step-up of the session that is verified and still satisfied at
    /// <paramref name="updatedAt"/>, and stores the address, in one transaction. Returns false, and
    /// changes nothing, when the session has no such step-up.
    /// </summary>
    Task<bool> SetEmailWithStepUpAsync(string personId, string sessionId, string email, DateTimeOffset updatedAt, CancellationToken cancellationToken);
}

/// <summary>The outcome of verifying a step-up code, with the code's session when the code was found.</summary>
public sealed record StepUpVerificationResult(StepUpVerification Outcome, string? SessionId);

/// <summary>Step-up codes bound to one session, on SQLite or MongoDB.</summary>
public interface IStepUpRepository
{
    Task CreateAsync(string userCode, string sessionId, string personId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies a code that is unexpired, unverified and unused at <paramref name="now"/>. The card of
    /// the session's person satisfies it until <paramref name="satisfiedUntil"/>; a card of another
    /// person uses it up. Each change applies only if the code is still unverified and unused.
    /// </summary>
    Task<StepUpVerificationResult> VerifyAsync(
        string userCode, string cardPersonId, DateTimeOffset now, DateTimeOffset satisfiedUntil, CancellationToken cancellationToken);
}
