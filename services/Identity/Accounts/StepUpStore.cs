using System.Security.Cryptography;

namespace MynaPlatform.Identity.Accounts;

public enum StepUpVerification
{
    Satisfied,
    CodeInvalid,
    PersonMismatch,
}

/// <summary>A step-up code that the person enters in <c>myna-card step-up</c>.</summary>
public sealed record StepUpCode(string UserCode, DateTimeOffset ExpiresAt);

/// <summary>
/// Step-up codes bound to one session. A code is verified at most once, and only by a card of the
/// session's own person. The step-up it satisfies then lasts <see cref="SatisfiedLifetime"/> and
/// is consumed by one sensitive change (see <see cref="IAccountDetailsRepository.SetEmailWithStepUpAsync"/>).
/// </summary>
public sealed partial class StepUpStore(IStepUpRepository repository, TimeProvider clock, ILogger<StepUpStore> logger)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SatisfiedLifetime = TimeSpan.FromMinutes(5);

    // Upper-case consonants only, so that a code spells no word and has no look-alikes of 0 or 1.
    private const string CodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ";
    private const int CodeLength = 8;

    public async Task<StepUpCode> CreateAsync(string sessionId, string personId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = new StepUpCode(RandomNumberGenerator.GetString(CodeAlphabet, CodeLength), now + CodeLifetime);
        await repository.CreateAsync(code.UserCode, sessionId, personId, code.ExpiresAt, cancellationToken);
        return code;
    }

    /// <summary>
    /// Marks the code verified by the card of <paramref name="cardPersonId"/>. A card of another
    /// person uses the code up, so that a stolen code cannot be tried again with more cards.
    /// </summary>
    public async Task<StepUpVerification> VerifyAsync(string userCode, string cardPersonId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await repository.VerifyAsync(userCode, cardPersonId, now, now + SatisfiedLifetime, cancellationToken);
        switch (result.Outcome)
        {
            case StepUpVerification.Satisfied:
                Log.Satisfied(logger, result.SessionId!);
                break;
            case StepUpVerification.PersonMismatch:
                Log.PersonMismatch(logger, result.SessionId!);
                break;
            default:
                Log.CodeInvalid(logger);
                break;
        }

        return result.Outcome;
    }

    private static partial class Log
    {
        // Only the session id is logged, never the user code or a PersonId.
        [LoggerMessage(EventId = 1, EventName = "StepUpSatisfied", Level = LogLevel.Information,
            Message = "Step-up satisfied for session {SessionId}")]
        public static partial void Satisfied(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 2, EventName = "StepUpPersonMismatch", Level = LogLevel.Warning,
            Message = "Step-up rejected for session {SessionId} because the card belongs to another person. The code is used up")]
        public static partial void PersonMismatch(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 3, EventName = "StepUpCodeInvalid", Level = LogLevel.Information,
            Message = "Step-up rejected: the code is unknown, expired or already used")]
        public static partial void CodeInvalid(ILogger logger);
    }
}
