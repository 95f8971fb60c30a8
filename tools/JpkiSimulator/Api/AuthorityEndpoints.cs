using Microsoft.AspNetCore.Http.HttpResults;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.JpkiSimulator.Authorities;

namespace MynaPlatform.JpkiSimulator.Api;

/// <summary>CA certificates (the trust anchors for verifiers) and the CRL distribution points.</summary>
public static class AuthorityEndpoints
{
    public static IEndpointRouteBuilder MapAuthorityEndpoints(this IEndpointRouteBuilder app)
    {
        var authorities = app.MapGroup("").WithTags("Authorities");

        authorities.MapGet(SimulatorRoutes.RevocationList, GetRevocationListAsync);
        authorities.MapGet(SimulatorRoutes.CaCertificate, GetCaCertificate);

        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetRevocationListAsync(
        string authority, RevocationLists revocationLists, CancellationToken cancellationToken)
    {
        var crl = await revocationLists.BuildAsync(authority, cancellationToken);
        return crl is null ? UnknownAuthority(authority) : TypedResults.File(crl, "application/pkix-crl");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> GetCaCertificate(string authority, AuthorityStore authorities)
    {
        var found = authorities.Find(authority);
        return found is null ? UnknownAuthority(authority) : TypedResults.File(found.Certificate.RawData, "application/pkix-cert");
    }

    private static ProblemHttpResult UnknownAuthority(string authority) =>
        JpkiSimulatorExtensions.Problem(
            StatusCodes.Status404NotFound,
            JpkiReasonCodes.RequestInvalid,
            "認証局が見つかりません。",
            $"認証局 '{authority}' はありません。{AuthorityNames.Login}、{AuthorityNames.Signature}、{AuthorityNames.UnknownLogin}、{AuthorityNames.UnknownSignature} のいずれかを指定してください。");
}
