using MynaPlatform.JpkiSimulator.Registry;

namespace MynaPlatform.JpkiSimulator.Authorities;

/// <summary>Signs a fresh CRL of a CA on every request, listing its held and revoked certificates.</summary>
public sealed class RevocationLists(AuthorityStore authorities, ResidentRegistry registry, TimeProvider clock)
{
    // J-LIS refreshes its CRLs daily.
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromDays(1);

    public async Task<byte[]?> BuildAsync(string authorityName, CancellationToken cancellationToken)
    {
        var authority = authorities.Find(authorityName);
        if (authority is null)
        {
            return null;
        }

        var entries = await registry.ReadAsync(document => document.Cards
            .SelectMany(card => card.Certificates)
            .Where(certificate => certificate.Authority == authority.Name && certificate.RevocationReason is not null)
            .Select(certificate => new RevocationEntry(
                certificate.SerialNumber, certificate.StateChangedAt!.Value, certificate.RevocationReason!.Value))
            .ToList(), cancellationToken);

        var now = clock.GetUtcNow();
        return authority.BuildRevocationList(entries, now, now + UpdateInterval);
    }
}
