using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Api.Tests.Fuzz;

/// <summary>
/// Thousands of malformed requests (seeded, reproducible) at every endpoint the Api maps, with and without keys.
/// Any 5xx, dropped connection or error log fails the test and prints the requests that caused it.
/// PLATFORM_FUZZ_SEED and PLATFORM_FUZZ_REQUESTS override the seed and the number of requests.
/// </summary>
public abstract class FuzzTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    private const int DefaultSeed = 20261201;
    private const int DefaultRequests = 1500;
    private const int FailuresShown = 10;

    [Fact]
    public async Task Malformed_requests_at_every_endpoint_get_no_5xx_no_dropped_connection_and_no_error_log()
    {
        var seed = Setting("PLATFORM_FUZZ_SEED", DefaultSeed);
        var count = Setting("PLATFORM_FUZZ_REQUESTS", DefaultRequests);
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var errors = ErrorLogs.Listen(Factory.Services);
        client.Timeout = TimeSpan.FromMinutes(2);
        var endpoints = FuzzEndpoint.All(Factory.Services);
        var builder = new FuzzRequestBuilder(endpoints, await IdentitiesAsync(client), seed);

        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var request = builder.Build(i);
            var outcome = await SendAsync(client, request);
            statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
            if (outcome.Status is >= 500 or 0)
            {
                failures.Add($"{request.Describe()}  -> {(outcome.Status == 0 ? "connection dropped" : outcome.Status.ToString())}: {outcome.Excerpt}");
            }
        }
        clock.Stop();

        var summary = $"fuzz on {Storage}: seed {seed}, {count} requests over {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s; " +
            "statuses " + string.Join(", ", statuses.Select(s => $"{(s.Key == 0 ? "dropped" : s.Key)}: {s.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.Count == 0,
            $"{summary}\n{failures.Count} requests failed (first {FailuresShown}; PLATFORM_FUZZ_SEED={seed} reproduces them):\n" +
            string.Join("\n", failures.Take(FailuresShown)));
        Assert.True(errors.Count == 0,
            $"{summary}\nthe Api logged {errors.Count} errors:\n" + string.Join("\n", errors.Describe().Take(FailuresShown)));
    }

    private static async Task<(int Status, string Excerpt)> SendAsync(HttpClient client, FuzzRequest request)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return ((int)response.StatusCode, body.Length > 300 ? body[..300] : body);
        }
        catch (Exception ex) when (!Ct.IsCancellationRequested)
        {
            return (0, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The member whose key the requests use, and rows for generated ids to name: another user (whom a request may
    /// well delete) with a key, and a job with its output.
    /// </summary>
    private static async Task<FuzzIdentities> IdentitiesAsync(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.AdminKey);
        var member = await PostAsync(client, "/api/users", new { name = "Fuzz", email = "fuzz@example.com" });
        var memberKey = await PostAsync(client, $"/api/users/{member.GetProperty("id")}/keys", new { name = "fuzz", scope = "member" });
        var other = await PostAsync(client, "/api/users", new { name = "Other", email = "other@example.com" });
        var otherKey = await PostAsync(client, $"/api/users/{other.GetProperty("id")}/keys", new { name = "other", scope = "member" });
        var job = await PostAsync(client, "/api/jobs", new { template = "Hello {{name}}", context = new { name = "Ada" } });
        client.DefaultRequestHeaders.Authorization = null;
        Guid[] ids = [Id(other), Id(otherKey), job.GetProperty("jobId").GetGuid(), job.GetProperty("outputId").GetGuid()];
        return new FuzzIdentities(ApiFactory.AdminKey, memberKey.GetProperty("key").GetString()!, ids, ["offline", "OFFLINE", "nope"]);

        static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}

public sealed class FuzzTestsOnSqlite(PostgresServer postgres) : FuzzTests(Storage.Sqlite, postgres);

public sealed class FuzzTestsOnPostgres(PostgresServer postgres) : FuzzTests(Storage.Postgres, postgres);
