using System.Net.Http.Json;
using System.Text.Json;
using MynaPlatform.Jpki;
using MynaPlatform.Jpki.Contracts;
using MynaPlatform.MynaCard.Card;

namespace MynaPlatform.MynaCard.Simulator;

/// <summary>Calls the JPKI simulator and turns its ProblemDetails into <see cref="CardException"/>s.</summary>
public sealed class SimulatorClient(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = RequestTimeout };

    public async Task<IssueCardResponse> IssueCardAsync(IssueCardRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync(SimulatorRoutes.IssueCard.TrimStart('/'), request, cancellationToken));
        return await response.Content.ReadFromJsonAsync<IssueCardResponse>(cancellationToken)
            ?? throw new CardException(JpkiReasonCodes.ServerError, _http.BaseAddress!.AbsoluteUri);
    }

    /// <summary>Downloads a DER CRL from an absolute URL, such as a certificate's distribution point.</summary>
    public async Task<byte[]> GetRevocationListAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(url, cancellationToken));
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new CardException(JpkiReasonCodes.EndpointUnreachable, _http.BaseAddress!.AbsoluteUri, inner: exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CardException.FromResponseAsync(response);
        }
    }

    public void Dispose() => _http.Dispose();
}
