using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The floor under any .NET gateway on this machine: Microsoft's reverse proxy (YARP's direct forwarder) passing every
/// request to the fake provider with nothing else on the path — no authentication, routing by model, recording,
/// telemetry or logging. Whatever it adds over the direct call, Kestrel, HttpClient and one more hop cost by
/// themselves. Run as <c>Platform.Bench yarp-forwarder &lt;upstream base url&gt;</c>; serves until standard input closes.
/// </summary>
public sealed class YarpForwarderHost : IBenchmark
{
    public const string UrlLine = "yarp-forwarder: ";

    public string Description => "(used by gateway-vs-peers) YARP forwarding to the fake provider, in a process of its own";

    public async Task RunAsync(string[] args)
    {
        var upstream = args is [var url, ..] ? url : throw new ArgumentException("usage: yarp-forwarder <upstream base url>");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHttpForwarder();
        await using var app = builder.Build();
        app.MapForwarder("/{**catch-all}", upstream);
        await app.StartAsync();
        Console.WriteLine(UrlLine + app.Urls.Single().TrimEnd('/'));
        await BenchChildProcess.ParentGoneAsync();
        await app.StopAsync();
    }
}
