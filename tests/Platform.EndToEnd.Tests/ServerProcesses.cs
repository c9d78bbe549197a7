namespace Platform.EndToEnd.Tests;

/// <summary>The processes one running platform owns, found in /proc: its PostgreSQL, redis-server and .NET services.</summary>
public sealed record ServerProcesses(IReadOnlyList<int> Postgres, IReadOnlyList<int> Redis, IReadOnlyList<int> Services)
{
    public static ServerProcesses Find(string dataDirectory, int redisPort)
    {
        List<int> postgres = [], redis = [], services = [];
        foreach (var pid in Pids())
        {
            var commandLine = Read($"/proc/{pid}/cmdline");
            if (commandLine.Contains("postgres", StringComparison.Ordinal) && commandLine.Contains(dataDirectory, StringComparison.Ordinal))
            {
                postgres.Add(pid);
            }
            else if (commandLine.Contains("redis-server", StringComparison.Ordinal) && commandLine.Contains($":{redisPort}", StringComparison.Ordinal))
            {
                redis.Add(pid);
            }
            else if (Read($"/proc/{pid}/environ").Contains($"Platform__DataDir={dataDirectory}", StringComparison.Ordinal))
            {
                services.Add(pid);
            }
        }

        return new ServerProcesses(postgres, redis, services);
    }

    /// <summary>Waits until none of these processes is left; the caller's token bounds the wait.</summary>
    public async Task WaitForAllToExitAsync(CancellationToken ct)
    {
        int[] all = [.. Postgres, .. Redis, .. Services];
        while (all.Where(pid => Directory.Exists($"/proc/{pid}")).ToArray() is { Length: > 0 } alive)
        {
            if (ct.IsCancellationRequested)
            {
                var described = alive.Select(pid => $"{pid}: {Read($"/proc/{pid}/cmdline")}");
                Assert.Fail($"still running after the app stopped:\n{string.Join('\n', described)}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : -1).Where(pid => pid > 0);

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked.
            return "";
        }
    }
}
