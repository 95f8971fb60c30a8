using MynaPlatform.Benchmarks;

return await BenchmarkRunner.RunAsync(args, Console.Out, Console.Error);
