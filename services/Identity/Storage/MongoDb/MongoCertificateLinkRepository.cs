using MongoDB.Driver;
using MynaPlatform.Identity.Accounts;
using static MynaPlatform.Identity.Storage.MongoDb.MongoInstants;

namespace MynaPlatform.Identity.Storage.MongoDb;

internal sealed class MongoCertificateLinkRepository(IMongoDatabase database) : ICertificateLinkRepository
{
    public async Task<string?> FindPersonAsync(string thumbprint, CancellationToken cancellationToken)
    {
        var link = await database.GetCertificateLinks().Find(ByThumbprint(thumbprint)).FirstOrDefaultAsync(cancellationToken);
        return link?.PersonId;
    }

    public async Task LinkAsync(string thumbprint, string personId, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        var link = new MongoCertificateLinkDocument { Thumbprint = thumbprint, PersonId = personId, LinkedAt = ToUtc(linkedAt) };
        try
        {
            await database.GetCertificateLinks().InsertOneAsync(link, cancellationToken: cancellationToken);
        }
        catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // The certificate is linked already, and the first link stays.
        }
    }

    internal static FilterDefinition<MongoCertificateLinkDocument> ByThumbprint(string thumbprint) =>
        Builders<MongoCertificateLinkDocument>.Filter.Eq(link => link.Thumbprint, thumbprint);
}
