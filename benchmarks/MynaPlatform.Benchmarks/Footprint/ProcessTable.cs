using System.Globalization;

namespace MynaPlatform.Benchmarks.Footprint;

/// <summary>
/// One process as Linux reports it. PSS (proportional set size, from <c>/proc/PID/smaps_rollup</c>)
/// divides each shared page among the processes that map it, so PSS values add up to real memory;
/// RSS counts shared pages (the .NET runtime, DCP's binary) in full for every process.
/// </summary>
/// <param name="CpuTicks">User and system CPU time so far, in clock ticks (<c>getconf CLK_TCK</c>, 100 per second on Linux).</param>
public sealed record ProcessInfo(int Id, int ParentId, IReadOnlyList<string> CommandLine, long RssKilobytes, long PssKilobytes, long CpuTicks = 0)
{
    public string Executable => CommandLine.Count > 0 ? Path.GetFileName(CommandLine[0]) : "";

    public string CommandText => string.Join(' ', CommandLine);
}

/// <summary>Reads every process from <c>/proc</c> at one moment.</summary>
public static class ProcessTable
{
    public const double CpuTicksPerSecond = 100;

    /// <summary>Returns the 1-minute load average, which shows how much other work shared the machine.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public static IReadOnlyList<ProcessInfo> Read()
    {
        var processes = new List<ProcessInfo>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && TryRead(id, out var process))
            {
                processes.Add(process);
            }
        }

        return processes;
    }

    private static bool TryRead(int id, out ProcessInfo process)
    {
        process = null!;
        try
        {
            // The command name in /proc/PID/stat is in parentheses and may contain spaces, so the fields follow the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parentId = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var cpuTicks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            process = new ProcessInfo(id, parentId, commandLine, Kilobytes($"/proc/{id}/status", "VmRSS:"), Kilobytes($"/proc/{id}/smaps_rollup", "Pss:"), cpuTicks);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended while it was being read, or belongs to someone else.
            return false;
        }
    }

    /// <summary>Reads a "Name:   1234 kB" line; kernel threads have none and count as 0.</summary>
    private static long Kilobytes(string path, string field)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
