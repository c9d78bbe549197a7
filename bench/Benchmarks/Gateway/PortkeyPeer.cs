using Platform.Bench.Peers;
using Platform.Testing;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// Portkey's open-source gateway (npm <c>@portkey-ai/gateway</c>, pinned) run with Node.js the way its package runs it
/// (<c>build/start-server.js</c>), headless: the same OpenAI request reaches the fake provider through its
/// <c>x-portkey-provider: openai</c> + <c>x-portkey-custom-host</c> routing (loopback hosts are trusted by default).
/// </summary>
public sealed class PortkeyPeer : IAsyncDisposable
{
    public const string Package = "@portkey-ai/gateway";
    public const string Version = "1.15.2";

    private PortkeyPeer(NodeProcess node, string url) => (Node, Url) = (node, url);

    public NodeProcess Node { get; }

    public string Url { get; }

    public static async Task<PortkeyPeer> StartAsync()
    {
        var prefix = await NpmPackage.EnsureAsync(Package, Version);
        var port = Infra.FreePort();
        var node = NodeProcess.Start(NpmPackage.PackageDirectory(prefix, Package), ["build/start-server.js", $"--port={port}", "--headless"],
            new Dictionary<string, string> { ["NODE_ENV"] = "production" });
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (var i = 0; i < 300 && !node.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/")).IsSuccessStatusCode)
                {
                    return new PortkeyPeer(node, url);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        var tail = node.Tail();
        await node.DisposeAsync();
        throw new InvalidOperationException($"Portkey's gateway did not answer on {url}:\n{tail}");
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
