using MongoDB.Driver;
using MynaPlatform.Identity.Accounts;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

/// <summary>
/// Step-up codes in MongoDB. Verification needs no transaction: each outcome is one conditional
/// find-and-update that applies only while the code is unverified and unused.
/// </summary>
internal sealed class MongoStepUpRepository(IMongoDatabase database) : IStepUpRepository
{
    private static FilterDefinitionBuilder<MongoStepUpDocument> Filter => Builders<MongoStepUpDocument>.Filter;

    public Task CreateAsync(string userCode, string sessionId, string personId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.GetStepUps().InsertOneAsync(new MongoStepUpDocument
        {
            UserCode = userCode,
            SessionId = sessionId,
            PersonId = personId,
            ExpiresAt = ToUtc(expiresAt),
        }, cancellationToken: cancellationToken);

    public async Task<StepUpVerificationResult> VerifyAsync(
        string userCode, string cardPersonId, DateTimeOffset now, DateTimeOffset satisfiedUntil, CancellationToken cancellationToken)
    {
        var stepUps = database.GetStepUps();
        var satisfied = await stepUps.FindOneAndUpdateAsync(
            PendingCode(userCode, now) & Filter.Eq(stepUp => stepUp.PersonId, cardPersonId), Satisfy(now, satisfiedUntil),
            cancellationToken: cancellationToken);
        if (satisfied is not null)
        {
            return new StepUpVerificationResult(StepUpVerification.Satisfied, satisfied.SessionId);
        }

        var mismatched = await stepUps.FindOneAndUpdateAsync(
            PendingCode(userCode, now) & Filter.Ne(stepUp => stepUp.PersonId, cardPersonId), UseUp(now),
            cancellationToken: cancellationToken);
        return mismatched is not null
            ? new StepUpVerificationResult(StepUpVerification.PersonMismatch, mismatched.SessionId)
            : new StepUpVerificationResult(StepUpVerification.CodeInvalid, null);
    }

    /// <summary>Uses up one satisfied step-up of the session in the transaction of <paramref name="handle"/>; returns false when there is none.</summary>
    internal static async Task<bool> ConsumeAsync(
        IMongoDatabase database, IClientSessionHandle handle, string sessionId, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var consumed = await database.GetStepUps().FindOneAndUpdateAsync(
            handle, SatisfiedStepUp(sessionId, personId, now), UseUp(now), cancellationToken: cancellationToken);
        return consumed is not null;
    }

    internal static FilterDefinition<MongoStepUpDocument> PendingCode(string userCode, DateTimeOffset now) =>
        Filter.Eq(stepUp => stepUp.UserCode, userCode)
        & Filter.Gt(stepUp => stepUp.ExpiresAt, ToUtc(now))
        & Filter.Eq(stepUp => stepUp.VerifiedAt, null)
        & Filter.Eq(stepUp => stepUp.UsedAt, null);

    internal static FilterDefinition<MongoStepUpDocument> SatisfiedStepUp(string sessionId, string personId, DateTimeOffset now) =>
        Filter.Eq(stepUp => stepUp.SessionId, sessionId)
        & Filter.Eq(stepUp => stepUp.PersonId, personId)
        & Filter.Ne(stepUp => stepUp.VerifiedAt, null)
        & Filter.Eq(stepUp => stepUp.UsedAt, null)
        & Filter.Gt(stepUp => stepUp.SatisfiedUntil, ToUtc(now));

    internal static UpdateDefinition<MongoStepUpDocument> Satisfy(DateTimeOffset now, DateTimeOffset satisfiedUntil) =>
        Builders<MongoStepUpDocument>.Update.Set(stepUp => stepUp.VerifiedAt, ToUtc(now)).Set(stepUp => stepUp.SatisfiedUntil, ToUtc(satisfiedUntil));

    internal static UpdateDefinition<MongoStepUpDocument> UseUp(DateTimeOffset now) =>
        Builders<MongoStepUpDocument>.Update.Set(stepUp => stepUp.UsedAt, ToUtc(now));
}
