using Platform.Core.Alerts;
using Platform.Core.Interactions;
using Platform.Testing;

namespace Platform.Core.Tests.Alerts;

public sealed class CostAndLatencyAlertTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Daily_cost_counts_what_was_spent_since_utc_midnight(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await alerts.AddRuleAsync(AlertKinds.DailyCost, threshold: 1.0);
        var midnight = AlertHarness.Start.Date;
        await alerts.AddInteractionsAsync(1, InteractionStatus.Completed, costUsd: 50, createdAt: midnight.AddSeconds(-1));
        await alerts.AddInteractionsAsync(1, InteractionStatus.Completed, costUsd: 0.75, createdAt: midnight);
        await alerts.EvaluateAsync();
        Assert.Empty(await alerts.FiringsAsync());

        // Failed calls cost too, and one call is enough: cost rules need no minimum sample.
        await alerts.AddInteractionsAsync(1, InteractionStatus.Failed, costUsd: 0.5);
        await alerts.EvaluateAsync();
        Assert.Equal(1.25, Assert.Single(await alerts.FiringsAsync()).ObservedValue, 9);

        // A new UTC day starts from zero: the firing resolves.
        alerts.Clock.SetUtcNow(new DateTimeOffset(midnight.AddDays(1).AddMinutes(-1)));
        await alerts.EvaluateAsync();
        Assert.NotNull(Assert.Single(await alerts.FiringsAsync()).ResolvedAt);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task P95_latency_is_interpolated_like_percentile_cont_over_the_window_and_the_rules_model(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await alerts.AddRuleAsync(AlertKinds.P95Latency, threshold: 190, windowMinutes: 10, minSamples: 20, model: "gpt-4o");
        for (var ms = 10; ms <= 190; ms += 10)
        {
            await alerts.AddInteractionsAsync(1, InteractionStatus.Completed, latencyMs: ms, model: "gpt-4o");
        }
        // Another model, an older row and an unfinished one are all outside the rule.
        await alerts.AddInteractionsAsync(5, InteractionStatus.Completed, latencyMs: 90_000, model: "gpt-4o-mini");
        await alerts.AddInteractionsAsync(5, InteractionStatus.Completed, latencyMs: 90_000, createdAt: alerts.Now.AddMinutes(-30), model: "gpt-4o");
        await alerts.AddInteractionsAsync(1, InteractionStatus.Processing, latencyMs: 90_000, model: "gpt-4o");
        await alerts.EvaluateAsync();
        Assert.Empty(await alerts.FiringsAsync());

        // 20 samples 10..200: rank 0.95 * 19 = 18.05 lies between 190 and 200.
        await alerts.AddInteractionsAsync(1, InteractionStatus.Failed, latencyMs: 200, model: "gpt-4o");
        await alerts.EvaluateAsync();
        Assert.Equal(190.5, Assert.Single(await alerts.FiringsAsync()).ObservedValue, 9);
    }

    public void Dispose() => _directory.Dispose();
}
