using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Analytics;
using Platform.Core.Caching;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// A running host with what the Api runs for events and analytics: the events buffer and its writer, the analytics
/// services and the snapshot warmer, on a fresh database and the real clock (the warmer's timer is a real one).
/// </summary>
internal sealed class WarmHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory _directory;

    private WarmHost(IHost host, TempDirectory directory) => (_host, _directory) = (host, directory);

    public static async Task<WarmHost> StartAsync(string storage, PostgresServer postgres, IReadOnlyDictionary<string, string?> settings, bool migrate = true)
    {
        var directory = new TempDirectory("analytics-warm");
        var connectionString = storage == "postgres"
            ? await postgres.CreateDatabaseAsync("analytics_warm")
            : $"Data Source={Path.Combine(directory.Path, "platform.db")}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:platformdb", connectionString), new("Platform:DataDir", directory.Path)]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPlatformStorage();
        builder.AddPlatformCache();
        builder.AddProductEvents();
        builder.AddUserAnalytics();
        var host = new WarmHost(builder.Build(), directory);
        if (migrate)
        {
            await DatabaseMigrator.MigrateAsync(host._host.Services, TestContext.Current.CancellationToken);
        }
        await host._host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public T Service<T>() where T : notnull =>
        typeof(IHostedService).IsAssignableFrom(typeof(T))
            ? _host.Services.GetServices<IHostedService>().OfType<T>().Single()
            : _host.Services.GetRequiredService<T>();

    /// <summary>Waits until the writer has stored <paramref name="count"/> events.</summary>
    public async Task StoredAsync(int count)
    {
        using var deadline = Deadline();
        while (true)
        {
            await using (var scope = _host.Services.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ProductEvents.CountAsync(deadline.Token) >= count)
                {
                    return;
                }
            }
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Hands events to the events buffer, as ingestion does after validating them; the writer stores them.</summary>
    public async Task IngestAsync(IEnumerable<ProductEvent> events)
    {
        var buffer = Service<EventBuffer>();
        foreach (var chunk in events.Chunk(ProductEventLimits.MaxBatch))
        {
            await buffer.AddRangeAsync([.. chunk.Select(e => new EventWrite(e))], TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits for the user's snapshot to appear, polling the cache.</summary>
    public async Task<AnalyticsSnapshot> SnapshotAsync(string userId)
    {
        var snapshots = Service<AnalyticsSnapshots>();
        using var deadline = Deadline();
        try
        {
            while (true)
            {
                if (await snapshots.GetAsync(userId, deadline.Token) is { } snapshot)
                {
                    return snapshot;
                }
                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"No snapshot of {userId} was warmed.");
        }
    }

    /// <summary>The fold an uncached answer runs, with its Source (where it started from).</summary>
    public async Task<UserEventFold.Outcome> FoldAsync(string userId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var fold = new UserEventFold(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), Service<AnalyticsSnapshots>(),
            Service<Microsoft.Extensions.Options.IOptions<AnalyticsOptions>>().Value);
        return await fold.RunAsync(new AnalyticsQuery(userId), DateTime.UtcNow, TestContext.Current.CancellationToken);
    }

    public async Task<UserAnalytics> GetAsync(string userId, bool fresh = false)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserAnalytics>().GetAsync(userId, null, null, null, fresh, TestContext.Current.CancellationToken);
    }

    // Only bounds a failing test: the states waited for come within a second or two on an idle machine.
    private static CancellationTokenSource Deadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        return deadline;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _directory.Dispose();
    }
}
