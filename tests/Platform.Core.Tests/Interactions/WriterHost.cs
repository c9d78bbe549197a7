using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Interactions;

namespace Platform.Core.Tests.Interactions;

/// <summary>
/// Storage plus interaction recording in a plain host, as the services register them, with its logs and the
/// "Platform.Interactions" counters of this host only (other tests run in parallel in the same process).
/// </summary>
internal sealed class WriterHost : IAsyncDisposable
{
    private static readonly string[] CounterNames =
        ["platform.interactions.rejected", "platform.interactions.retries", "platform.interactions.spilled", "platform.interactions.replayed"];

    private readonly IHost _host;
    private readonly Dictionary<string, MetricCollector<long>> _counters;

    private WriterHost(IHost host)
    {
        _host = host;
        // Scoped to this host's meter factory, so parallel tests' writers do not count here.
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        _counters = CounterNames.ToDictionary(name => name, name => new MetricCollector<long>(meters, InteractionMetrics.MeterName, name));
    }

    public IServiceProvider Services => _host.Services;
    public InteractionBuffer Buffer => Services.GetRequiredService<InteractionBuffer>();

    public IReadOnlyList<FakeLogRecord> Logs => Services.GetFakeLogCollector().GetSnapshot();

    /// <summary>Every log line of this host with its exception, for asserting on what was (and was not) written.</summary>
    public string LogText => string.Join("\n", Logs.Select(r => $"{r.Level}: {r.Message}{(r.Exception is null ? "" : "\n" + r.Exception)}"));

    public long Counter(string name) => _counters[name].GetMeasurementSnapshot().EvaluateAsCounter();

    /// <summary>Built and migrated, not started: records added now are all in the writer's first batch.</summary>
    /// <param name="settings">More configuration, e.g. the writer's batch size.</param>
    public static async Task<WriterHost> CreateAsync(string connectionString, string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = connectionString,
            ["Platform:DataDir"] = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.AddPlatformStorage();
        builder.AddInteractionRecording();
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, TestContext.Current.CancellationToken);
        return new WriterHost(host);
    }

    public Task StartAsync() => _host.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var counter in _counters.Values)
        {
            counter.Dispose();
        }
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
