using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Analytics;
using Platform.Core.Caching;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// The analytics services as the Api registers them (storage, cache, AddUserAnalytics) on a fresh, migrated database,
/// with a fake clock that also drives the in-memory cache's expiry.
/// </summary>
internal sealed class AnalyticsHost : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly IHost _host;
    private readonly TempDirectory _directory;

    private AnalyticsHost(IHost host, TempDirectory directory) => (_host, _directory) = (host, directory);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    public static async Task<AnalyticsHost> StartAsync(
        string storage, PostgresServer postgres, string? redis = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = new TempDirectory("analytics");
        var connectionString = storage == "postgres"
            ? await postgres.CreateDatabaseAsync("analytics")
            : $"Data Source={Path.Combine(directory.Path, "platform.db")}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:platformdb", connectionString), new("ConnectionStrings:cache", redis)]);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.AddPlatformStorage();
        builder.AddPlatformCache();
        builder.AddUserAnalytics();
        AnalyticsHost? created = null;
        builder.Services.AddSingleton<TimeProvider>(_ => created!.Time);
        builder.Services.Configure<MemoryDistributedCacheOptions>(o => o.Clock = new FakeClock(() => created!.Time));
        created = new AnalyticsHost(builder.Build(), directory);
        await DatabaseMigrator.MigrateAsync(created._host.Services, TestContext.Current.CancellationToken);
        return created;
    }

    public async Task<UserAnalytics> GetAsync(string userId, string? sessionId = null, DateTime? from = null, DateTime? to = null, bool fresh = false)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserAnalytics>().GetAsync(userId, sessionId, from, to, fresh, TestContext.Current.CancellationToken);
    }

    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task<AnalyticsOverview> OverviewAsync(DateTime from, DateTime to, bool fresh = false)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsOverviewService>().GetAsync(from, to, fresh, TestContext.Current.CancellationToken);
    }

    /// <summary>Stores events of one user straight into product_events, each at a millisecond offset from <see cref="Start"/>.</summary>
    public async Task SeedAsync(string userId, params (double Ms, string Type, string? Component)[] events) =>
        await SeedAsync(events.Select(e => new ProductEvent
        {
            UserId = userId, SessionId = "s1", EventType = e.Type, ComponentId = e.Component,
            Timestamp = Start.AddMilliseconds(e.Ms), ReceivedAt = Start.AddMilliseconds(e.Ms),
        }));

    public async Task SeedAsync(IEnumerable<ProductEvent> events)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ProductEvents.AddRange(events);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        _directory.Dispose();
    }

    private sealed class FakeClock(Func<TimeProvider> time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time().GetUtcNow();
    }
}
