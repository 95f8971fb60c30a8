using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MassTransit;
using MynaPlatform.Contracts.Access;

namespace MynaPlatform.Benchmarks.AccessLog;

/// <summary>The benchmark's own message for the broker's raw rate: an access event wrapped, so that no platform consumer receives it.</summary>
public sealed record BrokerProbe(PersonDataAccessed Access);

/// <summary>
/// Publishes messages to the platform's RabbitMQ with MassTransit and measures how fast they arrive:
/// at the benchmark's own consumer (the broker's raw publish-and-consume rate) or in the access log
/// (end-to-end ingestion). Publisher confirms are on (MassTransit's default, as in the services), and
/// at most <see cref="PublishesInFlight"/> publishes wait for their confirm at one time.
/// </summary>
public sealed partial class BrokerIngestion : IAsyncDisposable
{
    /// <summary>Publishes awaiting their confirm at one time.</summary>
    public const int PublishesInFlight = 64;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    private readonly IBusControl _bus;
    private readonly ProbeCounter _counter;

    private BrokerIngestion(IBusControl bus, ProbeCounter counter)
    {
        _bus = bus;
        _counter = counter;
    }

    /// <summary>Connects to the broker of the platform in <paramref name="dataDirectory"/>, as guest over loopback like the services.</summary>
    public static async Task<BrokerIngestion> ConnectAsync(string dataDirectory)
    {
        var port = ReadAmqpPort(dataDirectory);
        var counter = new ProbeCounter();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host("127.0.0.1", port, "/", host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            rabbit.ReceiveEndpoint($"benchmark-broker-probe-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Consumer(() => new ProbeConsumer(counter));
            });
        });
        await bus.StartAsync();
        return new BrokerIngestion(bus, counter);
    }

    /// <summary>Publishes <paramref name="events"/> wrapped as probes and waits until the benchmark's consumer has received them all.</summary>
    public async Task<TimeSpan> MeasureRawAsync(IReadOnlyList<PersonDataAccessed> events)
    {
        var expected = _counter.Count + events.Count;
        var clock = Stopwatch.StartNew();
        await PublishAllAsync(events, access => _bus.Publish(new BrokerProbe(access)));
        await WaitAsync(() => _counter.Count >= expected, clock, "the benchmark's own consumer");
        return clock.Elapsed;
    }

    /// <summary>Publishes <paramref name="events"/> as platform events and waits until <paramref name="recorded"/> reaches <paramref name="expected"/>.</summary>
    public async Task<TimeSpan> MeasureIngestionAsync(IReadOnlyList<PersonDataAccessed> events, Func<long> recorded, long expected)
    {
        var clock = Stopwatch.StartNew();
        await PublishAllAsync(events, access => _bus.Publish(access));
        await WaitAsync(() => recorded() >= expected, clock, "the access log");
        return clock.Elapsed;
    }

    private static async Task PublishAllAsync(IReadOnlyList<PersonDataAccessed> events, Func<PersonDataAccessed, Task> publish)
    {
        using var slots = new SemaphoreSlim(PublishesInFlight);
        var running = new List<Task>(events.Count);
        foreach (var access in events)
        {
            await slots.WaitAsync();
            running.Add(PublishOneAsync(access));
        }

        await Task.WhenAll(running);

        async Task PublishOneAsync(PersonDataAccessed access)
        {
            try
            {
                await publish(access);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static async Task WaitAsync(Func<bool> done, Stopwatch clock, string where)
    {
        while (!done())
        {
            if (clock.Elapsed > Timeout)
            {
                throw new BenchmarkException($"Not every published message reached {where} within {Timeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Reads the AMQP port from the broker's log, where RabbitMQ names the TCP listener it started.</summary>
    private static ushort ReadAmqpPort(string dataDirectory)
    {
        var logFolder = Path.Combine(dataDirectory, "rabbitmq", "log");
        foreach (var log in Directory.Exists(logFolder) ? Directory.EnumerateFiles(logFolder, "*.log") : [])
        {
            if (ListenerPattern().Match(File.ReadAllText(log)) is { Success: true } match)
            {
                return ushort.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        throw new BenchmarkException($"No 'started TCP listener' line was found in the broker's logs under {logFolder}.");
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    [GeneratedRegex(@"started TCP listener on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListenerPattern();

    private sealed class ProbeCounter
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class ProbeConsumer(ProbeCounter counter) : IConsumer<BrokerProbe>
    {
        public Task Consume(ConsumeContext<BrokerProbe> context)
        {
            counter.Add();
            return Task.CompletedTask;
        }
    }
}
