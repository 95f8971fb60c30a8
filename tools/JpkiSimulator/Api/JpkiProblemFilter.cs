using MynaPlatform.Jpki;
using MynaPlatform.JpkiSimulator.Domain;

namespace MynaPlatform.JpkiSimulator.Api;

/// <summary>Turns a rejected request into a ProblemDetails response that carries its reason code.</summary>
public sealed class JpkiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (JpkiRequestException rejection)
        {
            var status = rejection.ReasonCode switch
            {
                JpkiReasonCodes.CardNotFound or JpkiReasonCodes.CertificateUnknown => StatusCodes.Status404NotFound,
                JpkiReasonCodes.RenewalMismatch => StatusCodes.Status409Conflict,
                JpkiReasonCodes.EndpointUnreachable => StatusCodes.Status502BadGateway,
                _ => StatusCodes.Status400BadRequest,
            };

            return JpkiSimulatorExtensions.Problem(status, rejection.ReasonCode, rejection.Title, rejection.Detail);
        }
    }
}
