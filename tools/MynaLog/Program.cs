using MynaPlatform.MynaLog.Cli;

return await MynaLogCli.RunAsync(args, CliEnvironment.FromProcess());
