using MynaPlatform.Contracts.Access;
using MynaPlatform.Contracts.Identity;
using MynaPlatform.Identity.Accounts;
using MynaPlatform.Identity.Agencies;
using MynaPlatform.Identity.Cards;
using MynaPlatform.Identity.Sessions;
using Xunit;

namespace MynaPlatform.Identity.Tests.Storage;

/// <summary>
/// The behaviour both identity storage adapters must show. A derived class supplies a fresh store
/// per test. Instants have whole milliseconds, the precision of a BSON date.
/// </summary>
public abstract class IdentityRepositoryContractTests
{
    private const int ConcurrentFirstLogins = 20;

    private static readonly DateTimeOffset Now = new(2026, 4, 1, 3, 0, 0, 123, TimeSpan.Zero);

    private static readonly DateTimeOffset Later = Now.AddHours(8);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private protected abstract Task<IdentityContractStorage> CreateStorageAsync();

    [Fact]
    public async Task Session_Start_ListsItActiveWithLogin()
    {
        await using var storage = await CreateStorageAsync();

        await storage.Sessions.StartAsync("s-early", "person-a", "myna-card", Now, Later, Token);
        await storage.Sessions.StartAsync("s-late", "person-a", "portal", Now.AddMinutes(1), Later, Token);
        await storage.Sessions.StartAsync("s-other", "person-b", "portal", Now, Later, Token);

        var active = await storage.Sessions.ListActiveAsync("person-a", Now.AddMinutes(2), Token);
        Assert.Equal(["s-late", "s-early"], active.Select(session => session.SessionId));
        Assert.Equal(new SessionRecord("s-early", "myna-card", Now, Later), active[1]);
        Assert.True(await storage.Sessions.IsActiveAsync("s-early", Now.AddMinutes(2), Token));

        var history = await storage.Sessions.ListHistoryAsync("person-a", 10, Token);
        Assert.Equal(2, history.Count);
        Assert.All(history, entry => Assert.Equal(LoginResults.Succeeded, entry.Result));
        Assert.Equal(new LoginHistoryEntry(Now.AddMinutes(1), "portal", LoginResults.Succeeded), history[0]);
    }

    [Fact]
    public async Task Session_PastExpiry_IsNotActive()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Now.AddMinutes(5), Token);

        Assert.False(await storage.Sessions.IsActiveAsync("s-1", Now.AddMinutes(5), Token));
        Assert.Empty(await storage.Sessions.ListActiveAsync("person-a", Now.AddMinutes(5), Token));
        Assert.True(await storage.Sessions.IsActiveAsync("s-1", Now.AddMinutes(4), Token));
    }

    [Fact]
    public async Task Session_End_WritesOneSessionRevoked()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Later, Token);
        var endedAt = Now.AddMinutes(3);

        var ended = await storage.Sessions.EndAsync("person-a", "s-1", SessionEndReason.Logout, endedAt, Token);

        Assert.Equal([new EndedSession("s-1", SessionEndReason.Logout, endedAt)], ended);
        Assert.False(await storage.Sessions.IsActiveAsync("s-1", endedAt, Token));
        var revoked = Assert.Single(await storage.PendingAsync<SessionRevoked>(Token));
        Assert.Equal(new SessionRevoked("s-1", SessionEndReason.Logout, endedAt), revoked);
        var listed = Assert.Single(await storage.Sessions.ListEndedSinceAsync(endedAt, Token));
        Assert.Equal(("s-1", endedAt), (listed.SessionId, listed.RevokedAt));
        Assert.Empty(await storage.Sessions.ListEndedSinceAsync(endedAt.AddMilliseconds(1), Token));
    }

    [Fact]
    public async Task Session_EndTwice_PublishesOnce()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Later, Token);
        await storage.Sessions.EndAsync("person-a", "s-1", SessionEndReason.Logout, Now.AddMinutes(1), Token);

        var again = await storage.Sessions.EndAsync("person-a", "s-1", SessionEndReason.EndedByPerson, Now.AddMinutes(2), Token);

        Assert.NotNull(again);
        Assert.Empty(again);
        Assert.Single(await storage.PendingAsync<SessionRevoked>(Token));
    }

    [Fact]
    public async Task Session_EndOfOtherPerson_ReturnsNull()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Later, Token);

        Assert.Null(await storage.Sessions.EndAsync("person-b", "s-1", SessionEndReason.EndedByPerson, Now, Token));
        Assert.Null(await storage.Sessions.EndAsync("person-a", "s-unknown", SessionEndReason.EndedByPerson, Now, Token));
        Assert.True(await storage.Sessions.IsActiveAsync("s-1", Now, Token));
        Assert.Empty(await storage.Outbox.GetPendingAsync(100, Token));
    }

    [Fact]
    public async Task LoginHistory_Limit_ReturnsLatestFirst()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Later, Token);
        for (var minute = 1; minute <= 4; minute++)
        {
            await storage.Sessions.RecordLoginAsync("person-a", "portal", LoginResults.Refreshed, "s-1", Now.AddMinutes(minute), Token);
        }

        await storage.Sessions.RecordLoginAsync("person-b", "portal", LoginResults.Refreshed, null, Now.AddMinutes(9), Token);

        var history = await storage.Sessions.ListHistoryAsync("person-a", 3, Token);

        Assert.Equal([Now.AddMinutes(4), Now.AddMinutes(3), Now.AddMinutes(2)], history.Select(entry => entry.OccurredAt));
        Assert.All(history, entry => Assert.Equal(LoginResults.Refreshed, entry.Result));
    }

    [Fact]
    public async Task CardHold_Place_EndsSessionsAndSuspends()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Sessions.StartAsync("s-1", "person-a", "portal", Now, Later, Token);
        await storage.Sessions.StartAsync("s-2", "person-a", "myna-card", Now, Later, Token);
        await storage.Sessions.StartAsync("s-other", "person-b", "portal", Now, Later, Token);
        var placedAt = Now.AddMinutes(1);

        var placed = await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-1", "person-a", "holder", placedAt), Token);

        Assert.Equal(new CardHold("hold-1", placedAt, AlreadyHeld: false), placed.Hold);
        Assert.Equal(["s-1", "s-2"], placed.EndedSessions.Select(session => session.SessionId).Order());
        Assert.All(placed.EndedSessions, session => Assert.Equal(SessionEndReason.CardSuspended, session.Reason));
        Assert.True(await storage.CardHolds.IsHeldAsync("0a1b", Token));
        Assert.Empty(await storage.Sessions.ListActiveAsync("person-a", placedAt, Token));
        Assert.True(await storage.Sessions.IsActiveAsync("s-other", placedAt, Token));

        var revoked = await storage.PendingAsync<SessionRevoked>(Token);
        Assert.Equal(["s-1", "s-2"], revoked.Select(message => message.SessionId).Order());
        var suspended = Assert.Single(await storage.PendingAsync<CardSuspended>(Token));
        Assert.Equal(new CardSuspended("hold-1", "person-a", placedAt), suspended);
    }

    [Fact]
    public async Task CardHold_PlaceTwice_ReturnsActiveHold()
    {
        await using var storage = await CreateStorageAsync();
        await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-1", "person-a", "holder", Now), Token);

        var again = await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-2", "person-a", "operator", Now.AddMinutes(1)), Token);

        Assert.Equal(new CardHold("hold-1", Now, AlreadyHeld: true), again.Hold);
        Assert.Empty(again.EndedSessions);
        Assert.Single(await storage.PendingAsync<CardSuspended>(Token));
    }

    [Fact]
    public async Task CardHold_Lift_AllowsNewHold()
    {
        await using var storage = await CreateStorageAsync();
        await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-1", null, "jpki", Now), Token);

        Assert.True(await storage.CardHolds.LiftAsync("0a1b", Now.AddMinutes(1), Token));
        Assert.False(await storage.CardHolds.IsHeldAsync("0a1b", Token));
        Assert.False(await storage.CardHolds.LiftAsync("0a1b", Now.AddMinutes(2), Token));
        Assert.False(await storage.CardHolds.LiftAsync("ffff", Now.AddMinutes(2), Token));

        var renewed = await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-2", null, "holder", Now.AddMinutes(3)), Token);
        Assert.Equal(new CardHold("hold-2", Now.AddMinutes(3), AlreadyHeld: false), renewed.Hold);
        Assert.True(await storage.CardHolds.IsHeldAsync("0a1b", Token));
    }

    [Fact]
    public async Task CardHold_WithoutAccount_SuspendsWithEmptyPerson()
    {
        await using var storage = await CreateStorageAsync();

        var placed = await storage.CardHolds.PlaceAsync(new CardHoldRequest("0a1b", "hold-1", null, "jpki", Now), Token);

        Assert.Empty(placed.EndedSessions);
        Assert.Empty(await storage.PendingAsync<SessionRevoked>(Token));
        Assert.Equal(new CardSuspended("hold-1", "", Now), Assert.Single(await storage.PendingAsync<CardSuspended>(Token)));
    }

    [Fact]
    public async Task StepUp_VerifiedByOwnCard_AllowsOneEmailChange()
    {
        await using var storage = await CreateStorageAsync();
        await storage.StepUps.CreateAsync("BCDFGHJK", "s-1", "person-a", Now.AddMinutes(5), Token);

        var verified = await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now, Now.AddMinutes(5), Token);

        Assert.Equal(new StepUpVerificationResult(StepUpVerification.Satisfied, "s-1"), verified);
        Assert.True(await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-1", "a@example.jp", Now.AddMinutes(1), Token));
        Assert.False(await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-1", "b@example.jp", Now.AddMinutes(1), Token));
        Assert.Equal("a@example.jp", (await storage.AccountDetails.GetAsync("person-a", Token)).Email);
        Assert.Equal(StepUpVerification.CodeInvalid, (await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now, Now.AddMinutes(5), Token)).Outcome);
    }

    [Fact]
    public async Task StepUp_OtherPersonsCard_UsesUpCode()
    {
        await using var storage = await CreateStorageAsync();
        await storage.StepUps.CreateAsync("BCDFGHJK", "s-1", "person-a", Now.AddMinutes(5), Token);

        var mismatch = await storage.StepUps.VerifyAsync("BCDFGHJK", "person-b", Now, Now.AddMinutes(5), Token);
        var retry = await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now, Now.AddMinutes(5), Token);

        Assert.Equal(new StepUpVerificationResult(StepUpVerification.PersonMismatch, "s-1"), mismatch);
        Assert.Equal(new StepUpVerificationResult(StepUpVerification.CodeInvalid, null), retry);
        Assert.False(await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-1", "a@example.jp", Now, Token));
    }

    [Fact]
    public async Task StepUp_ExpiredOrUnknownCode_IsInvalid()
    {
        await using var storage = await CreateStorageAsync();
        await storage.StepUps.CreateAsync("BCDFGHJK", "s-1", "person-a", Now.AddMinutes(5), Token);

        var expired = await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now.AddMinutes(5), Now.AddMinutes(10), Token);
        var unknown = await storage.StepUps.VerifyAsync("ZZZZZZZZ", "person-a", Now, Now.AddMinutes(5), Token);

        Assert.Equal(StepUpVerification.CodeInvalid, expired.Outcome);
        Assert.Equal(StepUpVerification.CodeInvalid, unknown.Outcome);
    }

    [Fact]
    public async Task EmailChange_AfterStepUpLapsed_IsRejected()
    {
        await using var storage = await CreateStorageAsync();
        await storage.StepUps.CreateAsync("BCDFGHJK", "s-1", "person-a", Now.AddMinutes(5), Token);
        await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now, Now.AddMinutes(5), Token);

        Assert.False(await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-1", "a@example.jp", Now.AddMinutes(5), Token));
        Assert.False(await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-other", "a@example.jp", Now.AddMinutes(1), Token));
        Assert.Null((await storage.AccountDetails.GetAsync("person-a", Token)).Email);
    }

    [Fact]
    public async Task AccountDetails_Nickname_KeepsEmail()
    {
        await using var storage = await CreateStorageAsync();
        Assert.Equal(new AccountDetails(null, null), await storage.AccountDetails.GetAsync("person-a", Token));
        await storage.StepUps.CreateAsync("BCDFGHJK", "s-1", "person-a", Now.AddMinutes(5), Token);
        await storage.StepUps.VerifyAsync("BCDFGHJK", "person-a", Now, Now.AddMinutes(5), Token);
        await storage.AccountDetails.SetEmailWithStepUpAsync("person-a", "s-1", "a@example.jp", Now, Token);

        await storage.AccountDetails.SetNicknameAsync("person-a", "まいな🐦", Now.AddMinutes(1), Token);
        await storage.AccountDetails.SetNicknameAsync("person-a", "マイナ", Now.AddMinutes(2), Token);

        Assert.Equal(new AccountDetails("マイナ", "a@example.jp"), await storage.AccountDetails.GetAsync("person-a", Token));
        Assert.Equal(new AccountDetails(null, null), await storage.AccountDetails.GetAsync("person-b", Token));

        await storage.AccountDetails.SetNicknameAsync("person-a", null, Now.AddMinutes(3), Token);
        Assert.Equal(new AccountDetails(null, "a@example.jp"), await storage.AccountDetails.GetAsync("person-a", Token));
    }

    [Fact]
    public async Task Person_SameDigest_KeepsFirstPersonId()
    {
        await using var storage = await CreateStorageAsync();

        var first = await storage.WithPersonsAsync(persons => persons.FindOrCreateAsync("digest-a", "person-1", Now, Token));
        var second = await storage.WithPersonsAsync(persons => persons.FindOrCreateAsync("digest-a", "person-2", Now, Token));

        Assert.Equal("person-1", first);
        Assert.Equal("person-1", second);
        Assert.Equal("person-1", await storage.WithPersonsAsync(persons => persons.FindByDigestAsync("digest-a", Token)));
        Assert.Null(await storage.WithPersonsAsync(persons => persons.FindByDigestAsync("digest-b", Token)));
    }

    [Fact]
    public async Task Person_ConcurrentFirstLogins_CreateOnePerson()
    {
        await using var storage = await CreateStorageAsync();

        var logins = Enumerable.Range(0, ConcurrentFirstLogins).Select(index => Task.Run(() =>
            storage.WithPersonsAsync(persons => persons.FindOrCreateAsync("digest-a", $"person-{index}", Now, Token))));
        var personIds = await Task.WhenAll(logins);

        var winner = Assert.Single(personIds.Distinct());
        Assert.Equal(winner, await storage.WithPersonsAsync(persons => persons.FindByDigestAsync("digest-a", Token)));
    }

    [Fact]
    public async Task CertificateLink_LinkedTwice_KeepsFirstPerson()
    {
        await using var storage = await CreateStorageAsync();

        Assert.Null(await storage.CertificateLinks.FindPersonAsync("thumbprint-a", Token));
        await storage.CertificateLinks.LinkAsync("thumbprint-a", "person-1", Now, Token);
        await storage.CertificateLinks.LinkAsync("thumbprint-a", "person-2", Later, Token);
        await storage.CertificateLinks.LinkAsync("thumbprint-b", "person-1", Now, Token);

        Assert.Equal("person-1", await storage.CertificateLinks.FindPersonAsync("thumbprint-a", Token));
        Assert.Equal("person-1", await storage.CertificateLinks.FindPersonAsync("thumbprint-b", Token));
        Assert.Null(await storage.CertificateLinks.FindPersonAsync("thumbprint-c", Token));
    }

    [Fact]
    public async Task Agency_AddTwice_KeepsFirstRecord()
    {
        await using var storage = await CreateStorageAsync();
        var key = Enumerable.Range(0, 32).Select(value => (byte)value).ToArray();

        var added = await storage.Agencies.AddIfMissingAsync(new AgencyRecord("agency-1", "千代田区", "131016", key), Now, Token);
        var again = await storage.Agencies.AddIfMissingAsync(new AgencyRecord("agency-1", "別名", null, new byte[32]), Now, Token);
        var found = await storage.Agencies.FindAsync("agency-1", Token);

        foreach (var record in new[] { added, again, found })
        {
            Assert.NotNull(record);
            Assert.Equal(("agency-1", "千代田区", "131016"), (record.ClientId, record.DisplayName, record.LocalGovernmentCode));
            Assert.Equal(key, record.IdentifierKey);
        }

        Assert.Null(await storage.Agencies.FindAsync("agency-2", Token));
    }

    [Fact]
    public async Task Agency_Delete_RemovesRecord()
    {
        await using var storage = await CreateStorageAsync();
        await storage.Agencies.AddIfMissingAsync(new AgencyRecord("agency-1", "テスト用機関", null, new byte[32]), Now, Token);

        await storage.Agencies.DeleteAsync("agency-1", Token);

        Assert.Null(await storage.Agencies.FindAsync("agency-1", Token));
    }

    [Fact]
    public async Task AgencyIdentifier_Resolve_StaysWithinAgency()
    {
        await using var storage = await CreateStorageAsync();

        await storage.AgencyIdentifiers.EnrollAsync("agency-1", "aaaa", "person-a", Access("agency-1", "person-a"), Token);
        await storage.AgencyIdentifiers.EnrollAsync("agency-2", "bbbb", "person-a", Access("agency-2", "person-a"), Token);

        var own = await storage.AgencyIdentifiers.ResolveAsync("agency-1", ["aaaa", "bbbb", "cccc", "aaaa"], Token);
        Assert.Equal(new Dictionary<string, string> { ["aaaa"] = "person-a" }, own);
        Assert.Empty(await storage.AgencyIdentifiers.ResolveAsync("agency-2", ["aaaa"], Token));

        // A requested id that joins a shorter client id to another agency's identifier finds nothing either.
        await storage.AgencyIdentifiers.EnrollAsync("city/a", "aaaa", "person-a", Access("city/a", "person-a"), Token);
        Assert.Empty(await storage.AgencyIdentifiers.ResolveAsync("city", ["a/aaaa"], Token));
    }

    [Fact]
    public async Task AgencyIdentifier_EnrollTwice_RecordsEachAccess()
    {
        await using var storage = await CreateStorageAsync();
        var first = Access("agency-1", "person-a");
        var second = Access("agency-1", "person-a");

        await storage.AgencyIdentifiers.EnrollAsync("agency-1", "aaaa", "person-a", first, Token);
        await storage.AgencyIdentifiers.EnrollAsync("agency-1", "aaaa", "person-a", second, Token);

        var accesses = await storage.PendingAsync<PersonDataAccessed>(Token);
        Assert.Equal([first.AccessId, second.AccessId], accesses.Select(access => access.AccessId));
        Assert.Equal("person-a", accesses[0].PersonId);
        Assert.Equal(new Accessor(AccessorKind.Agency, "agency-1"), accesses[0].Accessor);
        Assert.Equal("person-a", (await storage.AgencyIdentifiers.ResolveAsync("agency-1", ["aaaa"], Token))["aaaa"]);
    }

    private static PersonDataAccessed Access(string clientId, string personId) =>
        new(Guid.NewGuid(), personId, new Accessor(AccessorKind.Agency, clientId), "利用者登録", ["機関別の利用者識別子"],
            "個人番号による利用者の特定と機関別識別子の発行", Now, "correlation-1", "identity");
}
