using System.Text.Json;
using MynaPlatform.MynaLog.Cli;

namespace MynaPlatform.MynaLog.State;

/// <summary>
/// Reads and writes the state file: <c>--state</c>, else <c>$XDG_CONFIG_HOME/myna-log/state.json</c>,
/// else <c>~/.config/myna-log/state.json</c>. Writes go to a temporary file that replaces the old
/// one, so an interrupted run never leaves half a file.
/// </summary>
public sealed class StateStore(string path)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    public static StateStore Locate(string? optionValue, CliEnvironment environment)
    {
        if (optionValue is not null)
        {
            return new StateStore(environment.ResolvePath(optionValue));
        }

        var configHome = environment.GetVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome))
        {
            var home = environment.GetVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            configHome = System.IO.Path.Combine(home, ".config");
        }

        return new StateStore(System.IO.Path.Combine(configHome, "myna-log", "state.json"));
    }

    public VerifierState Load()
    {
        if (!File.Exists(Path))
        {
            return new VerifierState();
        }

        try
        {
            var state = JsonSerializer.Deserialize<VerifierState>(File.ReadAllText(Path), JsonOptions);
            return state is { Version: VerifierState.CurrentVersion }
                ? state
                : throw new MynaLogException(MynaLogReasonCodes.StateFileInvalid, Path);
        }
        catch (Exception failure) when (failure is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new MynaLogException(MynaLogReasonCodes.StateFileInvalid, Path, failure);
        }
    }

    public void Save(VerifierState state)
    {
        var temporary = Path + ".tmp";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, JsonOptions));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new MynaLogException(MynaLogReasonCodes.StateFileWriteFailed, Path, failure);
        }
    }
}
