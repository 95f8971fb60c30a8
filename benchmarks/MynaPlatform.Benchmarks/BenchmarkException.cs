namespace MynaPlatform.Benchmarks;

/// <summary>A benchmark that cannot produce a comparable figure; the runner prints the message and exits non-zero.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
