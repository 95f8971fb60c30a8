using Microsoft.Extensions.Hosting;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>A schema script registered by a service or a shared library.</summary>
public sealed record SqliteSchema(string Script);

/// <summary>Applies every registered schema script before the service accepts requests.</summary>
internal sealed class SqliteSchemaInitializer(SqliteDatabase database, IEnumerable<SqliteSchema> schemas) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        database.InitializeAsync(schemas.Select(schema => schema.Script), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
