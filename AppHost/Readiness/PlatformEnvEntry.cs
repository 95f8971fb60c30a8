namespace MynaPlatform.AppHost.Readiness;

/// <summary>
/// An extra <c>platform.env</c> entry whose value is known only once the resources run, such as a
/// generated secret or an address behind the gateway. It is written with the others, before
/// <c>PLATFORM_READY_RUN_ID</c>.
/// </summary>
public sealed record PlatformEnvEntry(string Key, Func<CancellationToken, ValueTask<string?>> ResolveValue);
