using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    private readonly IHost _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counters = new();

    private WriterHost(IHost host, LogCapture logs)
    {
        _host = host;
        Logs = logs;
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == InteractionMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counters.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.Start();
    }

    public LogCapture Logs { get; }
    public IServiceProvider Services => _host.Services;
    public InteractionBuffer Buffer => Services.GetRequiredService<InteractionBuffer>();

    public long Counter(string name) => _counters.GetValueOrDefault(name);

    /// <summary>Built and migrated, not started: records added now are all in the writer's first batch.</summary>
    public static async Task<WriterHost> CreateAsync(string connectionString, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = connectionString,
            ["Platform:DataDir"] = dataDirectory,
        });
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddPlatformStorage();
        builder.AddInteractionRecording();
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, TestContext.Current.CancellationToken);
        return new WriterHost(host, logs);
    }

    public Task StartAsync() => _host.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}

/// <summary>Every formatted log message of a host, for asserting on what was (and was not) written.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._messages.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
