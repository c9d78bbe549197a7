using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Platform.Testing.FakeLlm;

/// <summary>
/// A fake LLM provider on real loopback HTTP, speaking OpenAI chat completions and Anthropic messages
/// (streaming included) so the real SDK clients can talk to it, with scripted faults. Use as a fixture
/// (IClassFixture / assembly fixture) and call <see cref="Reset"/> between tests, or start one per test
/// with <see cref="StartAsync(CancellationToken)"/>.
/// </summary>
public sealed class FakeLlmServer : IAsyncLifetime
{
    public const string DefaultApiKey = "fake-key";

    public static readonly IReadOnlyList<string> DefaultModels =
        ["gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "claude-haiku-4-5"];

    private readonly Lock _lock = new();
    private readonly List<FakeLlmRequest> _requests = [];
    private WebApplication? _app;
    private string? _baseUrl;

    /// <summary>Expected as "Authorization: Bearer" (both APIs) or "x-api-key" (Anthropic only); else 401.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>A fixed reply for every completion; <see cref="ReplyFactory"/> wins when both are set.</summary>
    public string? Reply { get; set; }

    public Func<FakeLlmRequest, string>? ReplyFactory { get; set; }

    /// <summary>
    /// When set, OpenAI chat completions refuse with this text: no content, the text as "refusal" (streamed as refusal
    /// deltas). Anthropic answers carry it as ordinary text.
    /// </summary>
    public string? Refusal { get; set; }

    /// <summary>How many of the prompt tokens OpenAI answers report as cached (prompt_tokens_details.cached_tokens).</summary>
    public int CachedPromptTokens { get; set; }

    /// <summary>What GET /v1/models lists.</summary>
    public IReadOnlyList<string> Models { get; set; } = DefaultModels;

    /// <summary>Scheme, host and port, no trailing slash: http://127.0.0.1:43123.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException("The fake LLM server is not started.");

    /// <summary>BaseUrl + "/v1": what the OpenAI SDK's Endpoint wants (the Anthropic SDK wants BaseUrl).</summary>
    public string OpenAIBaseUrl => BaseUrl + "/v1";

    /// <summary>Every request received, oldest first, including those refused (401) or faulted.</summary>
    public IReadOnlyList<FakeLlmRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    public int RequestCount
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    public FakeLlmRequest LastRequest => Requests.LastOrDefault()
        ?? throw new InvalidOperationException("The fake LLM server has received no request.");

    /// <summary>Queued faults not yet consumed (the persistent one from <see cref="Always"/> not counted).</summary>
    public int PendingFaults => Faults.Pending;

    internal FakeFaultQueue Faults { get; } = new();

    public static async Task<FakeLlmServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeLlmServer();
        await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    public async ValueTask InitializeAsync() => await StartCoreAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>The next request to <paramref name="api"/> (by default either completion API) gets this fault.</summary>
    public void Enqueue(FakeFault fault, FakeLlmApi? api = null) => Faults.Enqueue(fault, api);

    /// <summary>Every request gets this fault until <see cref="Heal"/>; queued faults wait meanwhile.</summary>
    public void Always(FakeFault fault, FakeLlmApi? api = null) => Faults.Always(fault, api);

    public void AlwaysFail(int statusCode, string? message = null, int? retryAfterSeconds = null, FakeLlmApi? api = null) =>
        Always(FakeFault.Status(statusCode, message, retryAfterSeconds), api);

    /// <summary>Every completion request for this model gets this fault until <see cref="Heal"/>; other models answer.</summary>
    public void AlwaysFor(string model, FakeFault fault) => Faults.AlwaysFor(model, fault);

    public void Heal() => Faults.Heal();

    /// <summary>Back to as started: no requests, faults or scripted replies; default key and models.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _requests.Clear();
        }

        Faults.Clear();
        Reply = null;
        ReplyFactory = null;
        Refusal = null;
        CachedPromptTokens = 0;
        ApiKey = DefaultApiKey;
        Models = DefaultModels;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            // Kestrel waits this long for requests still running (a long Delay fault, say), then aborts them.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await app.StopAsync(grace.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void Record(FakeLlmRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    internal string ReplyFor(FakeLlmRequest request) =>
        ReplyFactory?.Invoke(request) ?? Reply ?? FakeCompletion.DefaultReply(request);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings or ASPNETCORE_* variables, so nothing in the test's
        // environment can move the fake off its random loopback port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseRouting();
        app.MapFakeLlm(this);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        _baseUrl = app.Urls.Single().TrimEnd('/');
    }
}
