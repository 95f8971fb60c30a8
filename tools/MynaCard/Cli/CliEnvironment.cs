namespace MynaPlatform.MynaCard.Cli;

/// <summary>Process streams, variables, folder and clock of one command-line run, replaceable so tests can run it in-process.</summary>
public sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> GetVariable,
    string WorkingDirectory,
    TimeProvider Clock)
{
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), TimeProvider.System);

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
