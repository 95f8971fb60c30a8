using System.Net;
using System.Security.Cryptography;
using System.Text;
using MynaPlatform.Hosting;
using Xunit;
using static MynaPlatform.Platform.Tests.SelfInfoParties;

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// Plants an item value and a search query in the self-information calls and searches every log
/// line and OTLP export of the run for them: record data must never reach a log or a trace.
/// </summary>
public sealed class SelfInfoCanaryTests(PlatformFixture platform)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string TraceIdHeader = "X-Trace-Id";
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SelfInfoCalls_NoRecordDataInTelemetry()
    {
        var value = "VALUE" + RandomNumberGenerator.GetString(Alphabet, 16);
        var query = "QUERY" + RandomNumberGenerator.GetString(Alphabet, 16);
        var agency = await platform.RegisterAgencyAsync("千代田区", "self-info:write", "self-info:read");
        var person = await platform.RegisterPersonAsync();
        var agencyPersonId = await platform.EnrollAsync(agency, person);

        var published = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/canary-1", agency.Token,
            RecordBody(agencyPersonId, "健康・医療", "診療・薬剤", "2026-04-01", ("薬剤名", value, null)));
        var invalid = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/canary-2", agency.Token,
            RecordBody(agencyPersonId, "健康・医療", "診療・薬剤", "2999-01-01", ("薬剤名", value, null)));
        await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{agencyPersonId}/records", agency.Token);
        using var search = await platform.SendAsync(HttpMethod.Get, $"{Prefix}/me/search?q={query}", person.Token);
        Assert.Equal(HttpStatusCode.Created, published.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);

        var marker = Convert.FromHexString(search.Headers.GetValues(TraceIdHeader).Single());
        await Polling.UntilAsync(() => Task.FromResult(platform.Telemetry.Exports.Any(export =>
                export.Source == ResourceNames.SelfInfo && export.Signal == OtlpReceiver.Traces && export.Body.AsSpan().IndexOf(marker) >= 0)),
            FlushTimeout, "the self-info service's span of the search reached the OTLP receiver");

        Canary[] canaries = [Canary.Literal("record item value", value), Canary.Literal("search query", query)];
        var findings = new List<string>();
        foreach (var path in Directory.GetFiles(platform.LogDirectory, "*.log"))
        {
            findings.AddRange(canaries.Select(canary => canary.FindIn(ReadShared(path), $"log file {Path.GetFileName(path)}")).OfType<string>());
        }

        foreach (var export in platform.Telemetry.Exports)
        {
            var text = Encoding.Latin1.GetString(export.Body);
            findings.AddRange(canaries.Select(canary => canary.FindIn(text, $"OTLP {export.Signal} from {export.Source}")).OfType<string>());
        }

        Assert.True(findings.Count == 0, $"Record data reached the logs or the telemetry:\n{string.Join('\n', findings)}");
    }

    /// <summary>Reads a log file that the fixture is still appending to, byte for byte as Latin-1.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
