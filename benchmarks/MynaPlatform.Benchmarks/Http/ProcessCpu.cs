using System.Globalization;
using MynaPlatform.Benchmarks.Footprint;

namespace MynaPlatform.Benchmarks.Http;

/// <summary>CPU time (user and system) of running processes, read from <c>/proc/PID/stat</c>.</summary>
public static class ProcessCpu
{
    /// <summary>Returns the CPU time the processes used so far; a process that has ended counts as 0.</summary>
    public static TimeSpan Read(IEnumerable<int> processIds)
    {
        long ticks = 0;
        foreach (var id in processIds)
        {
            if (TryReadStat(id, out var parentId, out var processTicks))
            {
                ticks += processTicks;
            }
        }

        return TimeSpan.FromSeconds(ticks / ProcessTable.CpuTicksPerSecond);
    }

    /// <summary>Returns <paramref name="parentId"/> and its direct children, such as nginx's master and its workers.</summary>
    public static IReadOnlyList<int> WithChildren(int parentId)
    {
        var ids = new List<int> { parentId };
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && TryReadStat(id, out var parent, out _) && parent == parentId)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static bool TryReadStat(int id, out int parentId, out long ticks)
    {
        parentId = 0;
        ticks = 0;
        try
        {
            // The command name is in parentheses and may contain spaces, so the fields follow the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parentId = int.Parse(fields[1], CultureInfo.InvariantCulture);
            ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended while it was being read.
            return false;
        }
    }
}
