namespace Platform.AppHost;

/// <summary>Every child started, in start order, so they stop in reverse: Web, Worker, Api, then infra.</summary>
internal sealed class ChildSet
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private readonly List<ChildProcess> _children = [];
    private readonly List<Action> _cleanups = [];
    private readonly Lock _gate = new();

    // Cancelled first thing when stopping, so no child restarts a sibling's way out.
    private readonly CancellationTokenSource _shuttingDown = new();

    public ChildProcess Start(ChildSpec spec)
    {
        var child = new ChildProcess(spec, _shuttingDown.Token);
        lock (_gate)
        {
            _children.Add(child);
        }

        child.Start();
        return child;
    }

    /// <summary>Runs after every child has stopped (e.g. removing a socket folder).</summary>
    public void OnCleanup(Action cleanup)
    {
        lock (_gate)
        {
            _cleanups.Add(cleanup);
        }
    }

    public async Task StopAllAsync()
    {
        _shuttingDown.Cancel();
        foreach (var child in Snapshot().AsEnumerable().Reverse())
        {
            await child.StopAsync(Grace);
        }

        List<Action> cleanups;
        lock (_gate)
        {
            cleanups = [.. _cleanups];
            _cleanups.Clear();
        }

        foreach (var cleanup in cleanups)
        {
            try
            {
                cleanup();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ConsoleLog.Info($"cleanup failed: {e.Message}");
            }
        }
    }

    /// <summary>Last resort when the AppHost itself is going down abruptly: no grace, whole trees.</summary>
    public void KillAll()
    {
        _shuttingDown.Cancel();
        foreach (var child in Snapshot())
        {
            child.KillNow();
        }
    }

    private List<ChildProcess> Snapshot()
    {
        lock (_gate)
        {
            return [.. _children];
        }
    }
}
