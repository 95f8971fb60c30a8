using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using static MynaPlatform.Platform.Tests.SelfInfoParties;

namespace MynaPlatform.Platform.Tests;

/// <summary>
/// No route lets one person reach another's records, and agencies see only what they provided.
/// The route list comes from the service's endpoint data, so a new route is tried here too, and a
/// route with a parameter this test cannot fill fails it until the parameter is added below.
/// </summary>
public sealed class SelfInfoIsolationTests(PlatformFixture platform)
{
    private const string WriteScope = "self-info:write";
    private const string ReadScope = "self-info:read";
    private const string Marker = "ISOLATION-MARKER-7f3a91c2";

    [Fact]
    public async Task EveryRoute_OtherPersonAndAgency_ReachNothing()
    {
        var routes = SelfInfoRoutes.Read();
        Assert.True(routes.Count >= 12, $"Only {routes.Count} routes were read from the endpoint data: {string.Join(", ", routes)}");

        // Person A's records from agency A; one of them is flagged, so every kind of id exists.
        var agencyA = await platform.RegisterAgencyAsync("千代田区", WriteScope, ReadScope);
        var personA = await platform.RegisterPersonAsync();
        var agencyPersonIdA = await platform.EnrollAsync(agencyA, personA);
        var recordA = await PublishAsync(agencyA, "isolation-a", Body(agencyPersonIdA, Marker));
        var flaggedA = await PublishAsync(agencyA, "isolation-flagged", Body(agencyPersonIdA, Marker + "-flagged"));
        var flag = await platform.CallAsync(HttpMethod.Post, $"{Prefix}/me/records/{flaggedA}/not-mine", personA.Token);
        var flagIdA = flag.Body.GetProperty("flagId").GetGuid();

        // Person B and agency B have data of their own, so their routes have something to return.
        var agencyB = await platform.RegisterAgencyAsync("札幌市", WriteScope, ReadScope);
        var personB = await platform.RegisterPersonAsync();
        await PublishAsync(agencyB, "isolation-b", Body(await platform.EnrollAsync(agencyB, personB), "own data of B"));

        var values = new Dictionary<string, string>
        {
            ["recordId"] = recordA.ToString(),
            ["recordKey"] = "isolation-a",
            ["agencyPersonId"] = agencyPersonIdA,
            ["personId"] = personA.PersonId,
            ["flagId"] = flagIdA.ToString(),
        };
        string[] secrets = [Marker, recordA.ToString(), flaggedA.ToString(), flagIdA.ToString(), agencyPersonIdA, personA.PersonId];
        var body = new JsonObject
        {
            ["agencyPersonId"] = agencyPersonIdA,
            ["category"] = new JsonObject { ["group"] = "健康・医療", ["name"] = "予防接種" },
            ["asOf"] = "2026-04-01",
            ["items"] = new JsonArray(new JsonObject { ["label"] = "ワクチン", ["value"] = "changed by another party" }),
            ["reason"] = "isolation test",
        };

        var leaks = new List<string>();
        foreach (var route in routes)
        {
            var missing = route.Parameters.Where(parameter => !values.ContainsKey(parameter)).ToList();
            Assert.True(missing.Count == 0, $"{route} has parameters {string.Join(", ", missing)} that this test cannot fill; add a value naming person A's data.");

            var path = route.Parameters.Aggregate(route.Pattern, (pattern, parameter) => pattern.Replace($"{{{parameter}}}", Uri.EscapeDataString(values[parameter])));
            path += $"?q={Marker}&reason=isolation&group={Uri.EscapeDataString("健康・医療")}&name={Uri.EscapeDataString("予防接種")}";
            foreach (var (caller, token) in new[] { ("person B", personB.Token), ("agency B", agencyB.Token) })
            {
                var payload = route.Method is "GET" or "DELETE" ? null : body;
                var (status, response) = await platform.CallAsync(new HttpMethod(route.Method), path, token, payload);
                var visibleBody = WithoutInstance(response);

                if ((int)status >= 500)
                {
                    leaks.Add($"{caller} on {route}: {(int)status}");
                }

                if (route.Parameters.Count > 0 && (int)status < 400)
                {
                    leaks.Add($"{caller} on {route} was accepted with {(int)status} for person A's data: {visibleBody}");
                }

                leaks.AddRange(secrets.Where(secret => visibleBody.Contains(secret, StringComparison.Ordinal))
                    .Select(secret => $"{caller} on {route} saw person A's value {secret}: {visibleBody}"));
            }
        }

        Assert.Empty(leaks);

        // Nothing the other parties sent changed person A's records or flags.
        var own = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records", personA.Token);
        var records = own.Body.GetProperty("records").EnumerateArray().ToDictionary(record => record.GetProperty("recordId").GetGuid());
        Assert.Equal(2, records.Count);
        Assert.Equal("published", records[recordA].GetProperty("status").GetString());
        Assert.Equal(1, records[recordA].GetProperty("version").GetInt32());
        Assert.Equal("under_review", records[flaggedA].GetProperty("status").GetString());
        Assert.Empty(await platform.AccessEventsAsync(personA.PersonId));
    }

    [Fact]
    public async Task ReadBack_OtherAgency_SeesOnlyOwnRecords()
    {
        var agencyA = await platform.RegisterAgencyAsync("横浜市", WriteScope, ReadScope);
        var agencyB = await platform.RegisterAgencyAsync("堺市", WriteScope, ReadScope);
        var person = await platform.RegisterPersonAsync();
        var idAtA = await platform.EnrollAsync(agencyA, person);
        var idAtB = await platform.EnrollAsync(agencyB, person);
        await PublishAsync(agencyA, "shared-key", Body(idAtA, "from agency A"));

        var emptyAtB = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{idAtB}/records", agencyB.Token);
        var keyAtB = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/records/shared-key", agencyB.Token);
        var idOfAAtB = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{idAtA}/records", agencyB.Token);
        await PublishAsync(agencyB, "shared-key", Body(idAtB, "from agency B"));
        var ownAtB = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/partner/persons/{idAtB}/records", agencyB.Token);
        var personView = await platform.CallAsync(HttpMethod.Get, $"{Prefix}/me/records", person.Token);

        Assert.Empty(emptyAtB.Body.GetProperty("records").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, keyAtB.Status);
        Assert.Equal(HttpStatusCode.NotFound, idOfAAtB.Status);
        var own = Assert.Single(ownAtB.Body.GetProperty("records").EnumerateArray());
        Assert.Equal("from agency B", own.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal(2, personView.Body.GetProperty("records").GetArrayLength());

        // Only agency B's one read that returned a record is an access event.
        var accessed = Assert.Single(await platform.AccessEventsAsync(person.PersonId));
        Assert.Equal(agencyB.ClientId, accessed.Body.GetProperty("accessor").GetProperty("id").GetString());
    }

    private static object Body(string agencyPersonId, string value) =>
        RecordBody(agencyPersonId, "健康・医療", "予防接種", "2026-04-01", ("ワクチン", value, null));

    private async Task<Guid> PublishAsync(TestAgency agency, string recordKey, object body)
    {
        var response = await platform.CallAsync(HttpMethod.Put, $"{Prefix}/partner/records/{recordKey}", agency.Token, body);
        Assert.True(response.Status is HttpStatusCode.Created or HttpStatusCode.OK, response.Body.GetRawText());
        return response.Body.GetProperty("recordId").GetGuid();
    }

    /// <summary>The body without ProblemDetails' <c>instance</c>, which only repeats the request path.</summary>
    private static string WithoutInstance(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText());
        if (node is JsonObject problem)
        {
            problem.Remove("instance");
        }

        return node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
    }
}
