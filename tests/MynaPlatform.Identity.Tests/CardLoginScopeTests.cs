using MynaPlatform.Identity.Tokens;
using MynaPlatform.Jpki.Contracts;
using Xunit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MynaPlatform.Identity.Tests;

/// <summary>
/// <c>myna-card login</c> names its scopes in the shared contracts, which do not reference the
/// identity service, so this test keeps the two lists equal.
/// </summary>
public sealed class CardLoginScopeTests
{
    [Fact]
    public void CardLoginScope_CardDefaults_WithoutOfflineAccess()
    {
        var expected = ClientRegistrations.DefaultScopes(ClientKind.Card).Where(scope => scope != Scopes.OfflineAccess).Order();

        Assert.Equal(expected, LoginRoutes.CardLoginScope.Split(' ').Order());
    }
}
