using MynaPlatform.MynaDemo.Cli;

return await MynaDemoCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
