using System.Text;

namespace MynaPlatform.Hosting;

/// <summary>
/// The <c>KEY=VALUE</c> file (<c>.data/platform.env</c>) through which the platform tells its
/// tools and its user where things are. Every write goes through <see cref="Set"/>, which adds or
/// replaces keys and keeps all others. The file holds secrets, so it is written with mode 0600.
/// </summary>
public static class PlatformEnvFile
{
    public const string FileName = "platform.env";

    /// <summary>Path of the file below a checkout's root, as <c>./run.sh</c> writes it.</summary>
    public const string RelativePath = ".data/" + FileName;

    private static readonly Lock WriteLock = new();

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>
    /// Finds <see cref="RelativePath"/> in <paramref name="startFolder"/> or the nearest folder above
    /// it, so the tools work from any folder of a checkout. Returns null when there is none.
    /// </summary>
    public static string? FindAbove(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, RelativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Reads one entry of the nearest file above <paramref name="startFolder"/>; null when the file or the key is missing.</summary>
    public static string? FindValue(string startFolder, string key) =>
        FindAbove(startFolder) is { } path && Read(path).TryGetValue(key, out var value) ? value.Trim() : null;

    /// <summary>Reads every entry; a missing file reads as empty. Lines without <c>=</c> and comments are skipped.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && !line.StartsWith('#'))
            {
                entries[line[..separator]] = line[(separator + 1)..];
            }
        }

        return entries;
    }

    /// <summary>
    /// Adds or replaces <paramref name="values"/> and keeps every other key, replacing the file
    /// atomically so a reader never sees half of it.
    /// </summary>
    public static void Set(string path, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            if (key.Length == 0 || key.Contains('=') || key.Contains('\n') || value.Contains('\n'))
            {
                throw new ArgumentException($"Entry '{key}' cannot be written: keys need a name without '=' and neither may contain a line break.", nameof(values));
            }
        }

        lock (WriteLock)
        {
            var entries = new Dictionary<string, string>(Read(path), StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                entries[key] = value;
            }

            var content = new StringBuilder();
            foreach (var (key, value) in entries)
            {
                content.Append(key).Append('=').Append(value).Append('\n');
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.Delete(temporary);
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(content.ToString());
            }

            File.Move(temporary, path, overwrite: true);
        }
    }
}
