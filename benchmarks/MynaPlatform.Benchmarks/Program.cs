using System.Globalization;
using MynaPlatform.Benchmarks;
using MynaPlatform.Benchmarks.Http;

if (args is [SmallEndpointServer.ProcessArgument, var port])
{
    await SmallEndpointServer.RunAsProcessAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return 0;
}

return await BenchmarkRunner.RunAsync(args, Console.Out, Console.Error);
