using MynaPlatform.MynaCard.Cli;

return await MynaCardCli.RunAsync(args, CliEnvironment.FromProcess());
