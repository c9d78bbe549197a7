using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Infra=local: PostgreSQL and redis-server from the machine's binaries, run by DCP, stopped with the app.</summary>
public sealed class LocalInfraTests
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Local_mode_runs_postgres_and_redis_serves_a_chat_and_leaves_nothing_running()
    {
        if (!Directory.Exists("/usr/lib/postgresql") || !File.Exists("/usr/bin/redis-server"))
        {
            Infra.SkipOrFail("Infra=local needs PostgreSQL and redis-server (apt-get install postgresql redis-server)");
        }

        ServerProcesses running;
        var app = await PlatformApp.StartAsync("local", Ct);
        await using (app)
        {
            var notifications = app.App.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var resource in new[] { "platformdb", "cache", "api", "worker", "web" })
            {
                Assert.True(notifications.TryGetCurrentState(resource, out var state), $"no state for {resource}");
                Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
            }

            using var api = app.CreateAdminClient();
            var status = await api.GetFromJsonAsync<JsonObject>("api/status", Ct);
            Assert.Equal("postgresql", (string?)status!["databaseProvider"]);
            Assert.Equal("redis", (string?)status["cacheBackend"]);

            using var chat = await api.PostAsJsonAsync("api/llm/chat", new
            {
                model = PlatformApp.FakeModel,
                messages = new[] { new { role = "user", content = $"local {Guid.NewGuid():N}" } },
            }, Ct);
            Assert.True(chat.IsSuccessStatusCode, await chat.Content.ReadAsStringAsync(Ct));
            Assert.Equal("fake", (string?)(await chat.Content.ReadFromJsonAsync<JsonObject>(Ct))!["provider"]);

            var cache = await app.App.GetConnectionStringAsync("cache", Ct) ?? throw new InvalidOperationException("no cache connection string");
            running = ServerProcesses.Find(app.DataDirectory, redisPort: int.Parse(cache[(cache.LastIndexOf(':') + 1)..]));
            Assert.NotEmpty(running.Postgres);
            Assert.NotEmpty(running.Redis);
            Assert.NotEmpty(running.Services);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(StopDeadline);
        await running.WaitForAllToExitAsync(deadline.Token);
    }
}
