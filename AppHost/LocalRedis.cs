namespace Platform.AppHost;

/// <summary>`--redis`: a throwaway redis-server on a free port, stopped with the AppHost.</summary>
internal static class LocalRedis
{
    public static async Task<(ChildProcess Child, string ConnectionString)> StartAsync(string dataDir, int port, ChildSet children, CancellationToken stop)
    {
        var server = ShellCommand.Find("redis-server")
            ?? throw new LauncherException("--redis needs redis-server on the PATH (Debian: apt-get install redis-server).");

        // No persistence: the cache is disposable, so nothing lands in the data folder.
        // "-::1" binds IPv6 loopback only where it exists, so "localhost" works either way.
        string[] arguments = ["--port", $"{port}", "--bind", "127.0.0.1", "-::1", "--save", "", "--appendonly", "no"];
        var child = children.Start(new ChildSpec("redis", server, arguments, dataDir));
        await Readiness.TcpAsync("redis", port, TimeSpan.FromSeconds(30), stop);
        return (child, $"localhost:{port}");
    }
}
