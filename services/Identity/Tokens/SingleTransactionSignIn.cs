using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using MynaPlatform.Identity.Storage;
using OpenIddict.Server.AspNetCore;

namespace MynaPlatform.Identity.Tokens;

/// <summary>
/// Signs a principal in through OpenIddict inside one token store transaction. The ad-hoc
/// authorization and the access and refresh token entries of a login then commit together, instead
/// of in one write transaction per SaveChanges that each waits for SQLite's single write lock.
/// </summary>
/// <remarks>
/// OpenIddict writes the token response while it signs in, so the response body is buffered and
/// sent only after the commit. A failed commit therefore never hands out a refresh token whose
/// entry was not stored. The transaction starts after the card checks and the J-LIS call, so the
/// write lock is held only while the tokens are signed and stored.
/// </remarks>
public sealed class SingleTransactionSignIn(ClaimsPrincipal principal, IdentityDbContext database, TokenStoreWriteGate writeGate) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var responseBody = httpContext.Response.Body;
        await using var bufferedBody = new MemoryStream();
        httpContext.Response.Body = bufferedBody;
        try
        {
            // Savepoints around each SaveChanges are not needed, because any failure rolls the whole sign-in back.
            database.Database.AutoSavepointsEnabled = false;
            using var write = await writeGate.EnterAsync(cancellationToken);
            await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
            await httpContext.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, principal);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            httpContext.Response.Body = responseBody;
        }

        bufferedBody.Position = 0;
        await bufferedBody.CopyToAsync(responseBody, cancellationToken);
    }
}
