using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing.FakeLlm;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The process side of <see cref="FakeUpstreamProcess"/>: the fake provider and an OTLP sink, serving until standard
/// input closes. Run as <c>Platform.Bench fake-upstream</c>; it prints one line per address for the parent to read.
/// </summary>
public sealed class FakeUpstreamHost : IBenchmark
{
    public const string ProviderLine = "fake-upstream provider: ";
    public const string OtlpLine = "fake-upstream otlp: ";
    public const string Reply = "Hello, benchmark!";

    public string Description => "(used by gateway-vs-peers) the fake provider and an OTLP sink in a process of their own";

    public async Task RunAsync(string[] args)
    {
        await using var fake = await FakeLlmServer.StartAsync();
        fake.Reply = Reply;
        await using var otlp = await StartOtlpSinkAsync();
        Console.WriteLine(ProviderLine + fake.BaseUrl);
        Console.WriteLine(OtlpLine + otlp.Urls.Single().TrimEnd('/'));
        // The fake keeps every request for tests to inspect; a benchmark sends millions, so forget them now and then.
        using var forget = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var stdinClosed = BenchChildProcess.ParentGoneAsync();
        while (!stdinClosed.IsCompleted)
        {
            await Task.WhenAny(stdinClosed, forget.WaitForNextTickAsync().AsTask());
            fake.Reset();
            fake.Reply = Reply;
        }
    }

    /// <summary>
    /// Answers every OTLP/HTTP export with 200 and an empty (valid, protobuf) body, so the Api's exporters run as they do in
    /// production without a collector's cost landing on the machine under test.
    /// </summary>
    private static async Task<WebApplication> StartOtlpSinkAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Run(async http =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return app;
    }
}
