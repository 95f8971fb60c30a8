using System.Text.Json;
using Microsoft.Extensions.Options;
using MynaPlatform.Jpki;

namespace MynaPlatform.JpkiSimulator.Registry;

/// <summary>
/// The registry as one JSON file under the data folder. Every change is written before the caller
/// sees its result, and a failed change is dropped by reloading the file.
/// </summary>
public sealed class ResidentRegistry(IOptions<SimulatorStorageOptions> storage) : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private RegistryDocument? _document;

    private string FilePath => Path.Combine(storage.Value.SimulatorDirectory(), "registry.json");

    public async Task<T> ReadAsync<T>(Func<RegistryDocument, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(Load());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<T> UpdateAsync<T>(Func<RegistryDocument, T> update, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = update(Load());
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            AtomicFile.WriteAllBytes(FilePath, JsonSerializer.SerializeToUtf8Bytes(_document, JsonOptions));
            return result;
        }
        catch
        {
            _document = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private RegistryDocument Load()
    {
        if (_document is null)
        {
            _document = File.Exists(FilePath)
                ? JsonSerializer.Deserialize<RegistryDocument>(File.ReadAllBytes(FilePath), JsonOptions) ?? new RegistryDocument()
                : new RegistryDocument();
        }

        return _document;
    }

    public void Dispose() => _gate.Dispose();
}
