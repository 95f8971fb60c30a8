using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki;

namespace MynaPlatform.JpkiSimulator.Verifiers;

/// <summary>
/// Authenticates registered verifiers by the secret key in <c>Authorization: Bearer {key}</c>,
/// compared in constant time against each key in <c>JpkiSimulator:Verifiers</c>.
/// </summary>
public sealed partial class VerifierKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<JpkiSimulatorOptions> simulatorOptions,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "VerifierKey";
    public const string PolicyName = "RegisteredVerifier";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        foreach (var (name, key) in simulatorOptions.Value.Verifiers)
        {
            if (!string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        Log.UnknownVerifierKey(Logger, Request.Path);
        return Task.FromResult(AuthenticateResult.Fail("The verifier key is not registered."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "登録された検証者ではありません。",
                Detail = "この照会は J-LIS に登録された検証者だけが利用できます。Authorization ヘッダーに登録済みの検証者キーを Bearer 形式で指定してください。",
                Extensions = { [JpkiReasonCodes.ProblemExtension] = JpkiReasonCodes.VerifierUnauthorized },
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "UnknownVerifierKey", Level = LogLevel.Warning,
            Message = "Rejected a request to {Path} with an unregistered verifier key")]
        public static partial void UnknownVerifierKey(ILogger logger, PathString path);
    }
}

public static class VerifierAuthenticationExtensions
{
    public static IServiceCollection AddVerifierAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(VerifierKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, VerifierKeyAuthenticationHandler>(VerifierKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(VerifierKeyAuthenticationHandler.PolicyName, policy => policy
                .AddAuthenticationSchemes(VerifierKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }
}
