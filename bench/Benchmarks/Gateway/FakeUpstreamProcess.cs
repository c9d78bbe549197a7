using System.Diagnostics;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The fake provider (and OTLP sink) in its own process, started from this same bench build, so that the three targets
/// of gateway-vs-peers call one upstream that shares no thread pool or GC with the load generator, and its CPU and
/// memory can be read apart from it.
/// </summary>
public sealed class FakeUpstreamProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FakeUpstreamProcess(Process process, string baseUrl, string otlpUrl) =>
        (_process, BaseUrl, OtlpUrl) = (process, baseUrl, otlpUrl);

    /// <summary>Scheme, host and port of the fake provider, no trailing slash.</summary>
    public string BaseUrl { get; }

    public string OpenAIBaseUrl => BaseUrl + "/v1";

    public string OtlpUrl { get; }

    public double CpuMilliseconds() => ProcessStats.CpuMilliseconds(_process.Id);

    public static async Task<FakeUpstreamProcess> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(FakeUpstreamProcess).Assembly.Location);
        start.ArgumentList.Add("fake-upstream");
        var process = Process.Start(start) ?? throw new InvalidOperationException("the fake upstream did not start");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("fake | " + e.Data); };
        process.BeginErrorReadLine();
        string? provider = null, otlp = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((provider is null || otlp is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(FakeUpstreamHost.ProviderLine, StringComparison.Ordinal))
            {
                provider = line[FakeUpstreamHost.ProviderLine.Length..];
            }
            else if (line.StartsWith(FakeUpstreamHost.OtlpLine, StringComparison.Ordinal))
            {
                otlp = line[FakeUpstreamHost.OtlpLine.Length..];
            }
        }
        if (provider is null || otlp is null)
        {
            process.Kill(true);
            throw new InvalidOperationException("the fake upstream exited before printing its addresses");
        }
        // Keep reading so a full pipe never blocks it.
        _ = process.StandardOutput.ReadToEndAsync();
        return new FakeUpstreamProcess(process, provider, otlp);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
