using Microsoft.Extensions.Options;
using MynaPlatform.Jpki.Contracts;

namespace MynaPlatform.Portal.Display;

/// <summary>Names a client the way a person recognises it: this portal, the card tool, or its client id.</summary>
public sealed class ClientNames(IOptions<PortalOptions> options)
{
    public string Describe(string clientId) =>
        clientId == options.Value.ClientId ? "マイナポータル (ブラウザー)"
        : clientId == LoginRoutes.CardClientId ? "マイナンバーカード (myna-card)"
        : clientId;
}
