using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MynaPlatform.Storage.MongoDb;

namespace MynaPlatform.Storage.Tests.MongoDb;

/// <summary>Renders driver definitions to the BSON that the driver would send to the server.</summary>
internal static class MongoRendering
{
    static MongoRendering() => MongoSerialization.EnsureRegistered();

    public static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Render<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonValue Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Render<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    public static BsonDocument Serialize<T>(T document) => document.ToBsonDocument();

    public static T Deserialize<T>(BsonDocument document) => BsonSerializer.Deserialize<T>(document);

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
