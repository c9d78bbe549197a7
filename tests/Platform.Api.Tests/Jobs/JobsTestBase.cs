using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs.Processing;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// The Api on SQLite or PostgreSQL, wired to the fake provider ("fakeopenai": gpt-4o-mini, gpt-4o), with job settings
/// short enough for tests (2 s leases, 1 s heartbeats, 0.2 s retry base). The gateway does not retry by itself here, so
/// one job attempt is one provider request. <see cref="StartWorker"/> runs the Worker's claim loop in process.
/// </summary>
public abstract class JobsTestBase(Storage storage, PostgresServer postgres, FakeLlmServer fake) : IAsyncLifetime
{
    private CancellationTokenSource? _worker;
    private Task? _running;

    protected FakeLlmServer Fake => fake;
    protected ApiFactory Factory { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected string? ConnectionString { get; private set; }
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string> Settings(FakeLlmServer fake) => new()
    {
        ["Llm:DefaultModel"] = "gpt-4o-mini",
        ["Llm:Providers:fakeopenai:Type"] = "openai",
        ["Llm:Providers:fakeopenai:BaseUrl"] = fake.OpenAIBaseUrl,
        ["Llm:Providers:fakeopenai:ApiKey"] = FakeLlmServer.DefaultApiKey,
        ["Llm:Providers:fakeopenai:Models:0"] = "gpt-4o-mini",
        ["Llm:Providers:fakeopenai:Models:1"] = "gpt-4o",
        ["Llm:Providers:fakeopenai:TimeoutSeconds"] = "60",
        ["Llm:Resilience:MaxRetries"] = "0",
        ["Llm:Resilience:BreakerMinimumThroughput"] = "1000",
        ["Jobs:Concurrency"] = "1",
        ["Jobs:LeaseSeconds"] = "2",
        ["Jobs:HeartbeatSeconds"] = "1",
        ["Jobs:RetryBaseSeconds"] = "0.2",
        ["Jobs:RetryCapSeconds"] = "2",
        ["Jobs:BusyPollMilliseconds"] = "5",
        ["Jobs:IdlePollMilliseconds"] = "50",
        ["Jobs:SweepSeconds"] = "1",
        ["Jobs:ShutdownGraceSeconds"] = "1",
    };

    public async ValueTask InitializeAsync()
    {
        fake.Reset();
        if (storage == Storage.Postgres)
        {
            postgres.EnsureAvailable();
            ConnectionString = await postgres.CreateDatabaseAsync("jobs");
        }
        var settings = Settings(fake);
        Configure(settings);
        Factory = new ApiFactory(ConnectionString, settings);
        Admin = Factory.CreateClient(ApiFactory.AdminKey);
    }

    /// <summary>A test class's own settings over the shared ones.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The Worker's claim loop, in this process, against the Api's database and gateway settings.</summary>
    protected void StartWorker()
    {
        _worker = new CancellationTokenSource();
        var processor = Factory.Services.GetRequiredService<JobProcessor>();
        var listener = Factory.Services.GetRequiredService<JobNotificationListener>();
        var token = _worker.Token;
        _running = Task.WhenAll(processor.RunAsync(token), listener.RunAsync(token));
    }

    protected async Task StopWorkerAsync()
    {
        if (_worker is null || _running is null)
        {
            return;
        }
        await _worker.CancelAsync();
        await _running;
        _worker.Dispose();
        (_worker, _running) = (null, null);
    }

    protected async Task<JsonElement> EnqueueAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/jobs", body, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    protected async Task<JsonElement> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Admin).GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Polls the job (bounded) until it reaches the status; fails with the job as last seen.</summary>
    protected async Task<JsonElement> WaitForJobAsync(JsonElement enqueued, string status)
    {
        var id = enqueued.GetProperty("jobId").GetGuid();
        JsonElement job = default;
        for (var i = 0; i < 600; i++)
        {
            job = await GetAsync($"/api/jobs/{id}");
            if (job.GetProperty("status").GetString() == status)
            {
                return job;
            }
            await Task.Delay(50, Ct);
        }
        throw new Xunit.Sdk.XunitException($"job {id} never became {status}; last seen: {job}");
    }

    protected Task<JsonElement> OutputAsync(JsonElement enqueued) => GetAsync($"/api/outputs/{enqueued.GetProperty("outputId").GetGuid()}");

    protected static object Prompt(string template, object? context = null, string format = "text", int maxAttempts = 5, string? priority = null, string? model = null) =>
        new { template, context, format, maxAttempts, priority = priority ?? "default", model };
}
