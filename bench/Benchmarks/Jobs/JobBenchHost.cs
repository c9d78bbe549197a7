using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;

namespace Platform.Bench.Benchmarks.Jobs;

/// <summary>
/// The Worker's job services in a plain DI container (as AddJobSystem and AddPlatformStorage register them, minus the
/// LLM parts), with the no-op handler, and any number of claim loops. Each loop gets its own signal and LISTEN
/// connection, as separate Worker processes would.
/// </summary>
internal sealed class JobBenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<Task> _loops = [];
    private readonly List<JobProcessor> _processors = [];
    private CancellationTokenSource? _stop;

    public JobBenchHost(DatabaseInfo database, JobOptions options, NoOpJobHandler handler)
    {
        var services = new ServiceCollection();
        // Warning: per-job Information lines would cost more than the jobs.
        // The first migration's probe of the missing history table is logged as a failed command; real failures throw.
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton(database);
        services.AddDbContextPool<PlatformDbContext>(o => StorageExtensions.Configure(o, database));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(options));
        services.AddScoped<JobStore>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IJobHandler>(handler);
        services.AddSingleton<JobProcessor>();
        services.AddSingleton<JobNotificationListener>();
        _services = services.BuildServiceProvider();
    }

    public async Task MigrateAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync();
    }

    public async Task<T> WithStoreAsync<T>(Func<JobStore, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<JobStore>());
    }

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public void StartWorkers(int count)
    {
        _stop = new CancellationTokenSource();
        for (var i = 0; i < count; i++)
        {
            var (processor, listener) = i == 0
                ? (_services.GetRequiredService<JobProcessor>(), _services.GetRequiredService<JobNotificationListener>())
                : NewWorker();
            _processors.Add(processor);
            _loops.Add(processor.RunAsync(_stop.Token));
            _loops.Add(listener.RunAsync(_stop.Token));
        }
    }

    /// <summary>Jobs each claim loop holds: a stalled drain with slots taken and nothing running in the database is a leak.</summary>
    public string DescribeWorkers() => string.Join(", ", _processors.Select(p => $"{p.WorkerId} holds {p.Running}"));

    public async Task StopWorkersAsync()
    {
        if (_stop is null)
        {
            return;
        }
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _loops.Clear();
        _processors.Clear();
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync();
        await _services.DisposeAsync();
    }

    private (JobProcessor, JobNotificationListener) NewWorker()
    {
        var signal = new JobSignal();
        return (ActivatorUtilities.CreateInstance<JobProcessor>(_services, signal),
            ActivatorUtilities.CreateInstance<JobNotificationListener>(_services, signal));
    }
}
