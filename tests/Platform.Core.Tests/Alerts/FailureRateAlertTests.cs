using Platform.Core.Alerts;
using Platform.Core.Interactions;
using Platform.Testing;

namespace Platform.Core.Tests.Alerts;

public sealed class FailureRateAlertTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Fires_once_when_the_failure_rate_crosses_posts_once_and_resolves_when_it_falls_back(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await using var webhook = await WebhookReceiver.StartAsync();
        var rule = await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 20, webhook.Url);
        await alerts.AddInteractionsAsync(10, InteractionStatus.Completed);
        await alerts.EvaluateAsync();
        Assert.Empty(await alerts.FiringsAsync());

        await alerts.AddInteractionsAsync(5, InteractionStatus.Failed);
        for (var i = 0; i < 3; i++)
        {
            await alerts.EvaluateAsync();
        }
        var firing = Assert.Single(await alerts.FiringsAsync());
        Assert.Equivalent(new { RuleId = rule.Id, ResolvedAt = (DateTime?)null, DeliveryStatus = WebhookDelivery.Delivered, DeliveryAttempts = 1 }, firing);
        Assert.Equal(100.0 * 5 / 15, firing.ObservedValue, 6);
        var post = Assert.Single(webhook.Posts);
        Assert.Equal(firing.Id.ToString(), post.IdempotencyKey);
        Assert.Equal(firing.Id, post.Body.GetProperty("firingId").GetGuid());
        Assert.Equal(rule.Name, post.Body.GetProperty("rule").GetString());
        Assert.Equal("failure_rate", post.Body.GetProperty("kind").GetString());
        Assert.Equal(20, post.Body.GetProperty("threshold").GetDouble());
        Assert.Equal(100.0 * 5 / 15, post.Body.GetProperty("value").GetDouble(), 6);

        await alerts.AddInteractionsAsync(35, InteractionStatus.Completed);
        await alerts.EvaluateAsync();
        var resolved = Assert.Single(await alerts.FiringsAsync());
        Assert.Equal(alerts.Now, resolved.ResolvedAt);
        Assert.Equal(10, resolved.LastValue);
        Assert.Single(webhook.Posts);

        await alerts.AddInteractionsAsync(20, InteractionStatus.Failed);
        await alerts.EvaluateAsync();
        await alerts.EvaluateAsync();
        var firings = await alerts.FiringsAsync();
        Assert.Equal(2, firings.Count);
        Assert.Null(firings[1].ResolvedAt);
        Assert.Equal([firings[0].Id, firings[1].Id], webhook.Posts.Select(p => p.Body.GetProperty("firingId").GetGuid()));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Several_worker_replicas_evaluating_together_open_one_firing_and_post_once(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await using var webhook = await WebhookReceiver.StartAsync();
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 50, webhook.Url);
        await alerts.AddInteractionsAsync(12, InteractionStatus.Failed);
        var replicas = Enumerable.Range(0, 4).Select(_ => alerts.NewReplica()).ToList();

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.EvaluateOnceAsync(TestContext.Current.CancellationToken))));
        }

        var firing = Assert.Single(await alerts.FiringsAsync());
        Assert.Equal(WebhookDelivery.Delivered, firing.DeliveryStatus);
        Assert.Equal(1, firing.DeliveryAttempts);
        Assert.Single(webhook.Posts);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Fewer_finished_interactions_than_the_minimum_sample_never_fire(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, minSamples: 10);
        await alerts.AddInteractionsAsync(9, InteractionStatus.Failed);
        // Jobs still queued or running are not finished: they count neither way.
        await alerts.AddInteractionsAsync(5, InteractionStatus.Pending);
        await alerts.EvaluateAsync();
        Assert.Empty(await alerts.FiringsAsync());

        await alerts.AddInteractionsAsync(1, InteractionStatus.Failed);
        await alerts.EvaluateAsync();
        Assert.Equal(100, Assert.Single(await alerts.FiringsAsync()).ObservedValue);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Failures_older_than_the_window_no_longer_count(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, windowMinutes: 5, minSamples: 1);
        await alerts.AddInteractionsAsync(10, InteractionStatus.Failed);
        await alerts.AddInteractionsAsync(10, InteractionStatus.Completed, createdAt: alerts.Now.AddMinutes(5));

        await alerts.EvaluateAsync();
        Assert.Null(Assert.Single(await alerts.FiringsAsync()).ResolvedAt);

        alerts.Clock.Advance(TimeSpan.FromMinutes(5));
        await alerts.EvaluateAsync();
        Assert.Equal(0, Assert.Single(await alerts.FiringsAsync()).LastValue);
        Assert.NotNull(Assert.Single(await alerts.FiringsAsync()).ResolvedAt);
    }

    public void Dispose() => _directory.Dispose();
}
