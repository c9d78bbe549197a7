using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>A full interaction buffer pushes back with 503 and loses nothing already accepted.</summary>
public sealed class BackPressureTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    protected override IDictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Interactions:Buffer:Capacity"] = "2";
        settings["Interactions:Buffer:BatchSize"] = "1";
        settings["Interactions:Buffer:EnqueueWaitMilliseconds"] = "100";
        settings["Llm:MaxRequestBytes"] = "2000";
        return settings;
    }

    [Fact]
    public async Task With_the_database_locked_a_full_buffer_answers_503_and_every_accepted_call_is_stored_later()
    {
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(Ask("warm up"))).StatusCode);
        await StoredCountAsync(1);

        // Another connection holds SQLite's write lock, so the writer cannot drain the buffer.
        await using var blocker = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await blocker.OpenAsync(Ct);
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await ChatAsync(Ask($"call {i}"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted++;
            }
            else
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(accepted >= 1);

        await using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync(Ct);
        }
        await StoredCountAsync(1 + accepted);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var response = await ChatAsync(Ask(new string('x', 5000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Llm:MaxRequestBytes", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, Fake.RequestCount);
    }

    private async Task StoredCountAsync(int expected)
    {
        var count = 0;
        for (var i = 0; i < 400 && count < expected; i++)
        {
            using var scope = Factory.Services.CreateScope();
            count = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Interactions.CountAsync(Ct);
            if (count < expected)
            {
                await Task.Delay(50, Ct);
            }
        }
        Assert.Equal(expected, count);
    }
}
