namespace MynaPlatform.Jpki.Contracts;

/// <summary>Routes and reason codes of the step-up that a person completes with the card, shared with <c>myna-card</c>.</summary>
public static class StepUpRoutes
{
    /// <summary>The card's proof for a step-up code; no token needed, because the code names the session.</summary>
    public const string Verification = "/api/identity/account/step-up/verify";

    public const string CodeInvalid = "step_up_code_invalid";
    public const string PersonMismatch = "step_up_person_mismatch";
    public const string Required = "step_up_required";
}

/// <summary>
/// A card's proof for a step-up: the code the session received, and the signature over a login
/// challenge, as in the login.
/// </summary>
public sealed record StepUpVerificationRequest(string? UserCode, string? ChallengeId, string? Certificate, string? Signature);
