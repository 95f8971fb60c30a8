using MynaPlatform.Benchmarks.Footprint;

namespace MynaPlatform.Benchmarks.Login;

/// <summary>
/// CPU time that each process of a platform run and the load generator spent during the measured
/// phases, to show where a login's cost goes.
/// </summary>
public sealed class CpuAccount(int scriptProcessId, string dataDirectory)
{
    private const string LoadGenerator = "load generator (this process)";

    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    /// <summary>Returns the CPU ticks of every process now, by process id, with the name the report uses.</summary>
    public Dictionary<int, (string Name, long Ticks)> Read()
    {
        var table = ProcessTable.Read();
        var processes = PlatformProcesses.Find(table, scriptProcessId, dataDirectory)
            .ToDictionary(entry => entry.Process.Id, entry => (entry.Name, entry.Process.CpuTicks));
        var self = table.Single(process => process.Id == Environment.ProcessId);
        processes[self.Id] = (LoadGenerator, self.CpuTicks);
        return processes;
    }

    /// <summary>Adds what each process spent between two readings; a process that started in between counts from zero.</summary>
    public void Add(Dictionary<int, (string Name, long Ticks)> before, Dictionary<int, (string Name, long Ticks)> after)
    {
        foreach (var (id, (name, ticks)) in after)
        {
            var spent = ticks - (before.TryGetValue(id, out var earlier) ? earlier.Ticks : 0);
            _ticks[name] = _ticks.GetValueOrDefault(name) + spent;
        }
    }

    /// <summary>Formats the CPU milliseconds per operation of each process that spent any, largest first.</summary>
    public string PerOperation(long operations)
    {
        var milliseconds = _ticks
            .Where(entry => entry.Value > 0)
            .OrderByDescending(entry => entry.Value)
            .Select(entry => (entry.Key, Milliseconds: entry.Value * 1000 / ProcessTable.CpuTicksPerSecond / operations))
            .ToList();
        var total = milliseconds.Sum(entry => entry.Milliseconds);
        return $"{string.Join(", ", milliseconds.Select(entry => $"{entry.Key} {entry.Milliseconds:0.0} ms"))}; total {total:0.0} ms";
    }
}
