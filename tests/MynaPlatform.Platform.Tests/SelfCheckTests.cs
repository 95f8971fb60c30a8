using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Platform.Tests;

public sealed class SelfCheckTests(PlatformFixture platform)
{
    private const string SelfCheckPath = "/api/identity/operator/self-check";

    [Fact]
    public async Task SelfCheck_ThroughGateway_StoresAndConsumesProbe()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, SelfCheckPath).WithBearer(await platform.GetOperatorTokenAsync());

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<SelfCheckReportDto>(TestContext.Current.CancellationToken);
        Assert.NotNull(report);
        Assert.True(report.Succeeded);
        Assert.Equal(["store-and-publish", "consume"], report.Steps.Select(step => step.Name));

        var probe = await ReadRowAsync(ResourceNames.Notices,
            "SELECT probe_id, correlation_id FROM self_check_probes WHERE probe_id = $id", report.ProbeId);
        Assert.NotNull(probe);
        Assert.Equal(report.CorrelationId, probe[1]);

        // The consumer can receive the message before the dispatcher has recorded the broker's confirmation.
        await Polling.UntilAsync(
            async () => await ReadRowAsync(ResourceNames.Notices, "SELECT sent_at FROM outbox_messages WHERE aggregate_id = $id", report.ProbeId)
                is [not null],
            TimeSpan.FromSeconds(10),
            "the notices outbox row of the probe is marked sent");

        var receipt = await ReadRowAsync(ResourceNames.AccessLog,
            "SELECT correlation_id, trace_id FROM self_check_receipts WHERE probe_id = $id", report.ProbeId);
        Assert.NotNull(receipt);
        Assert.Equal(report.CorrelationId, receipt[0]);

        var gatewayTraceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));
        Assert.Equal(gatewayTraceId, receipt[1]);
        Assert.Equal(gatewayTraceId, report.TraceId);
    }

    [Fact]
    public async Task SelfCheck_ClientCorrelationId_ReachesConsumer()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, SelfCheckPath).WithBearer(await platform.GetOperatorTokenAsync());
        request.Headers.Add(CorrelationId.HeaderName, "operator-check-42");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("operator-check-42", Assert.Single(response.Headers.GetValues(CorrelationId.HeaderName)));
        var report = await response.Content.ReadFromJsonAsync<SelfCheckReportDto>(TestContext.Current.CancellationToken);
        var receipt = await ReadRowAsync(ResourceNames.AccessLog,
            "SELECT correlation_id FROM self_check_receipts WHERE probe_id = $id", report!.ProbeId);
        Assert.Equal("operator-check-42", receipt?[0]);
    }

    [Fact]
    public async Task SelfCheck_WithoutToken_Returns401()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.PostAsync(SelfCheckPath, content: null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SelfCheck_AgencyToken_Returns403()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, SelfCheckPath).WithBearer(await platform.GetAgencyTokenAsync());

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string?[]?> ReadRowAsync(string service, string sql, Guid id)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = platform.DatabasePath(service), Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());

        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))];
    }

    private sealed record SelfCheckReportDto(Guid ProbeId, string CorrelationId, string TraceId, bool Succeeded, IReadOnlyList<SelfCheckStepDto> Steps);

    private sealed record SelfCheckStepDto(string Name, string Service, bool Succeeded, long ElapsedMilliseconds, string? Error);
}
