namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The fake provider (and OTLP sink) in its own process, started from this same bench build, so that the targets of
/// gateway-vs-peers call one upstream that shares no thread pool or GC with the load generator.
/// </summary>
public sealed class FakeUpstreamProcess : IAsyncDisposable
{
    private readonly BenchChildProcess _child;

    private FakeUpstreamProcess(BenchChildProcess child) => _child = child;

    /// <summary>Scheme, host and port of the fake provider, no trailing slash.</summary>
    public string BaseUrl => _child.Lines[FakeUpstreamHost.ProviderLine];

    public string OpenAIBaseUrl => BaseUrl + "/v1";

    public string OtlpUrl => _child.Lines[FakeUpstreamHost.OtlpLine];

    public static async Task<FakeUpstreamProcess> StartAsync() =>
        new(await BenchChildProcess.StartAsync(["fake-upstream"], FakeUpstreamHost.ProviderLine, FakeUpstreamHost.OtlpLine));

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
