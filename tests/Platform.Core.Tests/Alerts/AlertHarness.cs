using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Alerts;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Alerts;

/// <summary>
/// A migrated database of either provider, a clock the test moves, and the alert services as the Worker registers
/// them. <see cref="NewReplica"/> gives another Worker's services on the same database.
/// </summary>
internal sealed class AlertHarness : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private readonly List<ServiceProvider> _providers = [];

    private AlertHarness(DatabaseInfo database) => Database = database;

    public DatabaseInfo Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public AlertEvaluator Evaluator => _providers[0].GetRequiredService<AlertEvaluator>();
    public IServiceProvider Services => _providers[0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AlertHarness> CreateAsync(string provider, PostgresServer postgres, TempDirectory directory,
        bool allowPrivateNetworkWebhooks = true)
    {
        var database = provider == "postgres" ? await TestDatabases.PostgresAsync(postgres) : TestDatabases.Sqlite(directory);
        await MigrationTests.MigrateAsync(database);
        var harness = new AlertHarness(database) { AllowPrivateNetworkWebhooks = allowPrivateNetworkWebhooks };
        harness.NewReplica();
        return harness;
    }

    /// <summary>The test webhook receiver listens on loopback, which the production default refuses.</summary>
    public bool AllowPrivateNetworkWebhooks { get; init; } = true;

    public AlertEvaluator NewReplica()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AlertOptions.Section}:{nameof(AlertOptions.AllowPrivateNetworkWebhooks)}"] = AllowPrivateNetworkWebhooks.ToString(),
        }).Build());
        services.AddSingleton(Database);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<PlatformDbContext>(options => StorageExtensions.Configure(options, Database));
        services.AddAlertServices();
        services.AddAlertEvaluator();
        // Webhook failures are retried at the next pass; tests see each attempt.
        services.Configure<AlertOptions>(o => o.WebhookTimeoutSeconds = 30);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<AlertEvaluator>();
    }

    public async Task<AlertRule> AddRuleAsync(string kind, double threshold, string? webhookUrl = null, int windowMinutes = 5,
        int minSamples = 10, string? model = null)
    {
        var rule = new AlertRule
        {
            Name = $"{kind} over {threshold}", Kind = kind, Threshold = threshold, WindowMinutes = windowMinutes,
            MinSamples = minSamples, Model = model, WebhookUrl = webhookUrl, CreatedAt = Now,
        };
        await using var db = TestDatabases.Context(Database);
        db.Add(rule);
        await db.SaveChangesAsync(Ct);
        return rule;
    }

    public async Task AddInteractionsAsync(int count, string status, double? latencyMs = null, double? costUsd = null,
        DateTime? createdAt = null, string model = "gpt-4o-mini")
    {
        await using var db = TestDatabases.Context(Database);
        for (var i = 0; i < count; i++)
        {
            db.Interactions.Add(new Interaction
            {
                Type = InteractionTypes.Chat, Status = status, Model = model, LatencyMs = latencyMs, CostUsd = costUsd,
                CreatedAt = createdAt ?? Now,
            });
        }
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>One evaluation a minute later than the last, as the Worker's timer would run it.</summary>
    public async Task EvaluateAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Evaluator.EvaluateOnceAsync(Ct);
    }

    public async Task<List<AlertFiring>> FiringsAsync()
    {
        await using var db = TestDatabases.Context(Database);
        return await db.Set<AlertFiring>().AsNoTracking().OrderBy(f => f.StartedAt).ToListAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
