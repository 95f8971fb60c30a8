using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace MynaPlatform.Storage.MongoDb;

/// <summary>
/// The platform's BSON representations, registered once per process: GUIDs as binary subtype 4
/// (the standard UUID subtype), decimals as Decimal128 so amounts stay exact and compare as
/// numbers, and <see cref="DateTimeOffset"/> instants as UTC BSON dates.
/// </summary>
public static class MongoSerialization
{
    private static readonly Lazy<bool> Registered = new(RegisterSerializers);

    /// <summary>Registers the serializers unless this process has done so already.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool RegisterSerializers()
    {
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
        BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
        BsonSerializer.TryRegisterSerializer(new UtcInstantSerializer());
        return true;
    }
}

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as a BSON date in UTC. BSON dates hold milliseconds, so
/// finer ticks are dropped and the offset is not kept: a read returns the same instant at +00:00.
/// </summary>
public sealed class UtcInstantSerializer : StructSerializerBase<DateTimeOffset>
{
    public override DateTimeOffset Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        var milliseconds = context.Reader.ReadDateTime();
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, DateTimeOffset value) =>
        context.Writer.WriteDateTime(value.ToUnixTimeMilliseconds());
}
