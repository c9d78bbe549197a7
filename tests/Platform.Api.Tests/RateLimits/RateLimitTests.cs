using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Gateway;
using Platform.Testing.FakeLlm;
using static Platform.Api.Tests.RateLimits.LimitsClient;

namespace Platform.Api.Tests.RateLimits;

/// <summary>Limits on one Api with in-process counters (no Redis), against the fake provider.</summary>
public sealed class RateLimitTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    protected override IDictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["RateLimits:SpendCacheSeconds"] = "0";
        return settings;
    }

    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_with_retry_after_and_a_problem_naming_the_limit()
    {
        var (member, minute) = await LimitedMemberAsync(key: new { requestsPerMinute = 2 });
        using var _ = member;

        var first = await ChatAsync(Ask("one"), member);
        var second = await ChatAsync(Ask("two"), member);
        var third = await ChatAsync(Ask("three"), member);
        UsageWindows.AssertStill(minute);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("2", "1", "0"), (Header(first, "x-ratelimit-limit-requests"), Header(first, "x-ratelimit-remaining-requests"),
            Header(second, "x-ratelimit-remaining-requests")));
        Assert.EndsWith("s", Header(first, "x-ratelimit-reset-requests"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var problem = await JsonAsync(third);
        Assert.Equal(("Rate limit exceeded", 429, "key.requestsPerMinute"),
            (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32(), problem.GetProperty("limit").GetString()));
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, Fake.RequestCount);
    }

    [Fact]
    public async Task The_openai_endpoint_answers_a_limit_with_openais_rate_limit_error()
    {
        var (member, minute) = await LimitedMemberAsync(user: new { requestsPerMinute = 1 });
        using var _ = member;
        var body = new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = "hi" } } };

        var first = await member.PostAsJsonAsync("/v1/chat/completions", body, Ct);
        var second = await member.PostAsJsonAsync("/v1/chat/completions", body, Ct);
        UsageWindows.AssertStill(minute);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("0", Header(first, "x-ratelimit-remaining-requests"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        var error = (await JsonAsync(second)).GetProperty("error");
        Assert.Equal(("requests", "rate_limit_exceeded"), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString()));
        Assert.Contains("user.requestsPerMinute", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Tokens_per_minute_are_charged_with_the_real_usage_of_sync_and_streamed_answers()
    {
        var (member, minute) = await LimitedMemberAsync(user: new { tokensPerMinute = 1_000_000 });
        using var _ = member;

        var sync = await ChatAsync(Ask("count these tokens please"), member);
        var syncTokens = (await JsonAsync(sync)).GetProperty("usage").GetProperty("totalTokens").GetInt64();
        Assert.Equal((1_000_000 - syncTokens).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(sync, "x-ratelimit-remaining-tokens"));
        var streamed = await ChatAsync(Ask("and these streamed ones", stream: true), member);
        var done = (await SseReader.ReadAllAsync(streamed, Ct)).Single(e => e.Event == "done");
        var streamTokens = SseReader.Json(done.Data).GetProperty("usage").GetProperty("totalTokens").GetInt64();

        var usage = await JsonAsync(await member.GetAsync("/api/me/usage", Ct));
        UsageWindows.AssertStill(minute);
        Assert.Equal(syncTokens + streamTokens, usage.GetProperty("user").GetProperty("tokensThisMinute").GetInt64());
        Assert.Equal(2, usage.GetProperty("user").GetProperty("requestsThisMinute").GetInt64());
        Assert.Equal(syncTokens + streamTokens, usage.GetProperty("keys")[0].GetProperty("tokensThisMinute").GetInt64());
    }

    [Fact]
    public async Task A_cache_hit_counts_as_a_request_but_uses_no_tokens()
    {
        var (member, minute) = await LimitedMemberAsync(user: new { tokensPerMinute = 1_000_000 });
        using var _ = member;

        var miss = await ChatAsync(Ask("cache me for the limits", useCache: true), member);
        var hit = await ChatAsync(Ask("cache me for the limits", useCache: true), member);
        var usage = (await JsonAsync(await member.GetAsync("/api/me/usage", Ct))).GetProperty("user");
        UsageWindows.AssertStill(minute);

        Assert.Equal(("miss", "hit"), (Header(miss, "x-platform-cache"), Header(hit, "x-platform-cache")));
        Assert.Equal(2, usage.GetProperty("requestsThisMinute").GetInt64());
        Assert.Equal((await JsonAsync(miss)).GetProperty("usage").GetProperty("totalTokens").GetInt64(), usage.GetProperty("tokensThisMinute").GetInt64());
    }

    [Fact]
    public async Task A_request_after_the_tokens_of_the_minute_are_used_up_is_refused()
    {
        var (member, minute) = await LimitedMemberAsync(key: new { tokensPerMinute = 1 });
        using var _ = member;

        var first = await ChatAsync(Ask("more than one token"), member);
        var second = await ChatAsync(Ask("again"), member);
        UsageWindows.AssertStill(minute);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("0", Header(first, "x-ratelimit-remaining-tokens"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("key.tokensPerMinute", (await JsonAsync(second)).GetProperty("limit").GetString());
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task A_spent_daily_budget_refuses_chats_openai_calls_and_jobs_until_the_next_utc_day()
    {
        var (userId, _, key) = await CreateMemberAsync(Admin);
        await SetUserLimitsAsync(Admin, userId, new { dailyBudgetUsd = 0.000001 });
        using var member = Factory.CreateClient(key);

        var first = await ChatAsync(Ask("spend a little"), member);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cost = (await JsonAsync(first)).GetProperty("costUsd").GetDouble();
        Assert.True(cost > 0.000001);

        var chat = await ChatAsync(Ask("spend more"), member);
        Assert.Equal(HttpStatusCode.TooManyRequests, chat.StatusCode);
        var problem = await JsonAsync(chat);
        Assert.Equal(("Budget exhausted", "user.dailyBudgetUsd"), (problem.GetProperty("title").GetString(), problem.GetProperty("limit").GetString()));
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        Assert.InRange(chat.Headers.RetryAfter!.Delta!.Value.TotalSeconds, untilMidnight.TotalSeconds - 60, untilMidnight.TotalSeconds + 1);

        var openAi = await member.PostAsJsonAsync("/v1/chat/completions", new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = "x" } } }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, openAi.StatusCode);
        Assert.Equal("insufficient_quota", (await JsonAsync(openAi)).GetProperty("error").GetProperty("code").GetString());
        var job = await member.PostAsJsonAsync("/api/jobs", new { template = "x" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, job.StatusCode);
        Assert.Equal(1, Fake.RequestCount);

        // The spend survives in the interactions table: what /api/me/usage reports is what was stored.
        var usage = (await JsonAsync(await member.GetAsync("/api/me/usage", Ct))).GetProperty("user");
        Assert.Equal(cost, usage.GetProperty("spentTodayUsd").GetDouble(), 12);
        Assert.Equal(0.000001, usage.GetProperty("limits").GetProperty("dailyBudgetUsd").GetDouble());

        await SetUserLimitsAsync(Admin, userId, new { dailyBudgetUsd = (double?)null });
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(Ask("budget lifted"), member)).StatusCode);
    }

    [Fact]
    public async Task Admins_set_and_clear_limits_and_see_them_on_users_and_keys()
    {
        var (userId, keyId, _) = await CreateMemberAsync(Admin);
        await SetUserLimitsAsync(Admin, userId, new { requestsPerMinute = 10, tokensPerMinute = 5000, dailyBudgetUsd = 1.5, monthlyBudgetUsd = 20 });
        await SetKeyLimitsAsync(Admin, keyId, new { requestsPerMinute = 3 });

        var user = await JsonAsync(await Admin.GetAsync($"/api/users/{userId}", Ct));
        var limits = user.GetProperty("limits");
        Assert.Equal((10, 5000L, 1.5, 20.0), (limits.GetProperty("requestsPerMinute").GetInt32(), limits.GetProperty("tokensPerMinute").GetInt64(),
            limits.GetProperty("dailyBudgetUsd").GetDouble(), limits.GetProperty("monthlyBudgetUsd").GetDouble()));
        var key = (await JsonAsync(await Admin.GetAsync($"/api/users/{userId}/keys", Ct)))[0];
        Assert.Equal(3, key.GetProperty("limits").GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("limits").GetProperty("tokensPerMinute").ValueKind);

        var usage = await JsonAsync(await Admin.GetAsync($"/api/users/{userId}/usage", Ct));
        Assert.Equal(3, usage.GetProperty("keys")[0].GetProperty("limits").GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(0, usage.GetProperty("user").GetProperty("requestsThisMinute").GetInt64());

        await SetUserLimitsAsync(Admin, userId, new { });
        var cleared = (await JsonAsync(await Admin.GetAsync($"/api/users/{userId}", Ct))).GetProperty("limits");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("dailyBudgetUsd").ValueKind);
    }

    [Theory]
    [InlineData("users", """{"requestsPerMinute":-1}""", "requestsPerMinute")]
    [InlineData("users", """{"tokensPerMinute":1000000000000}""", "tokensPerMinute")]
    [InlineData("users", """{"dailyBudgetUsd":-0.5}""", "dailyBudgetUsd")]
    [InlineData("users", """{"monthlyBudgetUsd":2000000}""", "monthlyBudgetUsd")]
    [InlineData("users", """{"requestsPerMinute":"ten"}""", "requestsPerMinute")]
    [InlineData("users", """{"rpm":5}""", "rpm")]
    [InlineData("keys", """{"requestsPerMinute":1000001}""", "requestsPerMinute")]
    [InlineData("keys", """{"dailyBudgetUsd":1}""", "dailyBudgetUsd")]
    public async Task Bad_limits_are_a_400_naming_the_field(string owner, string body, string field)
    {
        var (userId, keyId, _) = await CreateMemberAsync(Admin);
        var id = owner == "users" ? userId : keyId;
        var response = await Admin.PutAsync($"/api/{owner}/{id}/limits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Only_admins_set_limits_and_unknown_ids_are_404()
    {
        var (userId, keyId, key) = await CreateMemberAsync(Admin);
        using var member = Factory.CreateClient(key);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/users/{userId}/limits", new { requestsPerMinute = 1000 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/keys/{keyId}/limits", new { requestsPerMinute = 1000 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync($"/api/users/{Guid.NewGuid()}/limits", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync($"/api/keys/{Guid.NewGuid()}/limits", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/me/usage", Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_limits_no_rate_limit_headers_are_sent()
    {
        var response = await ChatAsync(Ask("unlimited"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("x-ratelimit-remaining-requests"));
    }
    /// <summary>A new member's client with these limits, once a fresh minute window has started.</summary>
    private async Task<(HttpClient Member, long Minute)> LimitedMemberAsync(object? user = null, object? key = null)
    {
        var (userId, keyId, secret) = await CreateMemberAsync(Admin);
        if (user is not null)
        {
            await SetUserLimitsAsync(Admin, userId, user);
        }
        if (key is not null)
        {
            await SetKeyLimitsAsync(Admin, keyId, key);
        }
        return (Factory.CreateClient(secret), await UsageWindows.FreshAsync(Ct));
    }
}
