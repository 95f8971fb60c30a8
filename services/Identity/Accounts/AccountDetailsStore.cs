namespace MynaPlatform.Identity.Accounts;

/// <summary>A person's own details, which only the person reads and changes.</summary>
public sealed record AccountDetails(string? Nickname, string? Email);

/// <summary>
/// The nickname and e-mail address of each person. An e-mail change consumes the session's
/// satisfied step-up in the same transaction, so one card proof allows exactly one change.
/// </summary>
public sealed class AccountDetailsStore(IAccountDetailsRepository repository, TimeProvider clock)
{
    public Task<AccountDetails> GetAsync(string personId, CancellationToken cancellationToken) =>
        repository.GetAsync(personId, cancellationToken);

    public Task SetNicknameAsync(string personId, string? nickname, CancellationToken cancellationToken) =>
        repository.SetNicknameAsync(personId, nickname, clock.GetUtcNow(), cancellationToken);

    /// <summary>Stores the e-mail address and returns true, or returns false when the session has no satisfied step-up.</summary>
    public Task<bool> SetEmailAsync(string personId, string sessionId, string email, CancellationToken cancellationToken) =>
        repository.SetEmailWithStepUpAsync(personId, sessionId, email, clock.GetUtcNow(), cancellationToken);
}
