namespace MynaPlatform.MynaLog.Cli;

/// <summary>Process streams, variables and folder of one command-line run, replaceable so tests can run it in-process.</summary>
public sealed record CliEnvironment(TextWriter Output, TextWriter Error, Func<string, string?> GetVariable, string WorkingDirectory)
{
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
