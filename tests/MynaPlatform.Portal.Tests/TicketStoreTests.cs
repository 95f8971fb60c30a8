using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using MynaPlatform.Portal.Sessions;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class TicketStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(
        Environment.GetEnvironmentVariable("MYNA_TEST_DATA_DIR") ?? Path.GetTempPath(), $"portal-tickets-{Guid.NewGuid():N}");

    [Fact]
    public async Task TicketStore_NewProcessSameKeys_ReadsSession()
    {
        var key = await CreateStore().StoreAsync(Ticket("person-1", "access-token-1"));

        // A second store with its own key ring from the same folder, as after a restart.
        var ticket = await CreateStore().RetrieveAsync(key);

        Assert.NotNull(ticket);
        Assert.Equal("person-1", ticket.Principal.FindFirstValue(PortalClaims.PersonId));
        Assert.Equal("access-token-1", ticket.Properties.GetTokenValue(SessionTokens.AccessToken));
    }

    [Fact]
    public async Task TicketStore_File_ContainsNoClearToken()
    {
        var key = await CreateStore().StoreAsync(Ticket("person-2", "access-token-in-clear"));

        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "sessions", $"{key}.ticket"), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("access-token-in-clear", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketStore_RemovedOrForeignKey_ReturnsNull()
    {
        var store = CreateStore();
        var key = await store.StoreAsync(Ticket("person-3", "token"));

        await store.RemoveAsync(key);

        Assert.Null(await store.RetrieveAsync(key));
        Assert.Null(await store.RetrieveAsync("../../etc/passwd"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private FileTicketStore CreateStore() => new(
        Path.Combine(folder, "sessions"),
        TimeSpan.FromMinutes(30),
        DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys")), builder => builder.SetApplicationName("MynaPlatform.Portal")),
        TimeProvider.System,
        NullLogger<FileTicketStore>.Instance);

    private static AuthenticationTicket Ticket(string personId, string accessToken)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) };
        properties.StoreTokens([new AuthenticationToken { Name = SessionTokens.AccessToken, Value = accessToken }]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.PersonId, personId)], "test"));
        return new AuthenticationTicket(principal, properties, "Cookies");
    }
}
