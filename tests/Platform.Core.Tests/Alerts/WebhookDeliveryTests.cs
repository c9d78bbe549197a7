using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Alerts;
using Platform.Core.Interactions;
using Platform.Testing;

namespace Platform.Core.Tests.Alerts;

public sealed class WebhookDeliveryTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task A_failed_delivery_is_recorded_and_retried_with_the_same_firing_id_until_it_succeeds(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await using var webhook = await WebhookReceiver.StartAsync();
        webhook.StatusCode = 503;
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, webhook.Url, minSamples: 1);
        await alerts.AddInteractionsAsync(3, InteractionStatus.Failed);

        await alerts.EvaluateAsync();
        var failed = Assert.Single(await alerts.FiringsAsync());
        Assert.Equivalent(new { DeliveryStatus = WebhookDelivery.Failed, DeliveryAttempts = 1, DeliveredAt = (DateTime?)null }, failed);
        Assert.Contains("503", failed.LastDeliveryError);

        webhook.StatusCode = 200;
        await alerts.EvaluateAsync();
        await alerts.EvaluateAsync();
        var delivered = Assert.Single(await alerts.FiringsAsync());
        Assert.Equivalent(new { DeliveryStatus = WebhookDelivery.Delivered, DeliveryAttempts = 2, DeliveredAt = (DateTime?)alerts.Now.AddMinutes(-1) }, delivered);
        Assert.Equal([failed.Id, failed.Id], webhook.Posts.Select(p => p.Body.GetProperty("firingId").GetGuid()));
        Assert.Equal([1, 2], webhook.Posts.Select(p => p.Body.GetProperty("attempt").GetInt32()));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task An_unreachable_webhook_stops_after_the_configured_attempts_without_failing_the_evaluation(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        string unreachable;
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            unreachable = gone.Url;
        }
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, unreachable, minSamples: 1);
        await alerts.AddInteractionsAsync(3, InteractionStatus.Failed);
        var max = alerts.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertOptions>>().Value.WebhookMaxAttempts;

        for (var i = 0; i < max + 2; i++)
        {
            await alerts.EvaluateAsync();
        }

        var firing = Assert.Single(await alerts.FiringsAsync());
        Assert.Equivalent(new { DeliveryStatus = WebhookDelivery.Failed, DeliveryAttempts = max }, firing);
        Assert.Contains("HttpRequestException", firing.LastDeliveryError);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task By_default_a_webhook_on_the_platforms_own_network_is_refused_before_connecting(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory, allowPrivateNetworkWebhooks: false);
        await using var webhook = await WebhookReceiver.StartAsync();
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, webhook.Url, minSamples: 1);
        await alerts.AddInteractionsAsync(3, InteractionStatus.Failed);

        await alerts.EvaluateAsync();

        var firing = Assert.Single(await alerts.FiringsAsync());
        Assert.Equivalent(new { DeliveryStatus = WebhookDelivery.Failed, DeliveryAttempts = 1 }, firing);
        Assert.Contains(nameof(AlertOptions.AllowPrivateNetworkWebhooks), firing.LastDeliveryError);
        Assert.Empty(webhook.Posts);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task The_worker_service_evaluates_at_start_and_then_on_each_tick_of_its_clock(string provider)
    {
        await using var alerts = await AlertHarness.CreateAsync(provider, postgres, _directory);
        await using var webhook = await WebhookReceiver.StartAsync();
        await alerts.AddRuleAsync(AlertKinds.FailureRate, threshold: 10, webhook.Url, minSamples: 1);
        await alerts.AddInteractionsAsync(3, InteractionStatus.Failed);
        var options = alerts.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertOptions>>();
        using var service = new AlertEvaluationService(alerts.Evaluator, alerts.Clock, options, NullLogger<AlertEvaluationService>.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await WaitForAsync(async () => webhook.Posts.Count == 1);

        await alerts.AddInteractionsAsync(100, InteractionStatus.Completed);
        alerts.Clock.Advance(TimeSpan.FromSeconds(options.Value.EvaluationSeconds));
        await WaitForAsync(async () => (await alerts.FiringsAsync()).Single().ResolvedAt is not null);
        await service.StopAsync(TestContext.Current.CancellationToken);
        Assert.Single(webhook.Posts);
    }

    /// <summary>Waits for a state the service reaches on its own; the cap only stops a broken test from hanging.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> reached)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cap.CancelAfter(TimeSpan.FromMinutes(1));
        while (!await reached())
        {
            await Task.Delay(20, cap.Token);
        }
    }

    public void Dispose() => _directory.Dispose();
}
